// The API's intervention fields as a form holds them: the hours as typed the Italian way, empty
// notes as none. One schema for the correction dialog and the rows of the grid.
import { interventionFields } from '@bds/shared';
import { z } from 'zod';
import { italianNumberText } from '../schemaForm.ts';

export const interventionForm = z.strictObject({
  ...interventionFields,
  hours: italianNumberText(interventionFields.hours),
  notes: z
    .string()
    .transform((notes): string | null | undefined => (notes.trim() ? notes : null))
    .pipe(interventionFields.notes),
});
