// The people present at a UVM evaluation (name, role, organisation); a member of the social
// services may be tied to a social worker's account, who then finds the meeting among its own.
import { MEMBER_ORGANISATIONS, type SocialWorker } from '@bds/shared';
import { it } from '../i18n/it.ts';
import { Field } from './Field.tsx';
import type { FieldErrors } from './formErrors.ts';

export interface MemberDraft {
  key: string;
  name: string;
  role: string;
  organisation: string;
  userId?: number;
}

interface MembersEditorProps {
  members: MemberDraft[];
  errors: FieldErrors;
  onChange: (members: MemberDraft[]) => void;
  newMember: () => MemberDraft;
  /** The social workers of the person's district, offered for a member of the social services. */
  socialWorkers?: readonly SocialWorker[];
}

export function MembersEditor({ members, errors, onChange, newMember, socialWorkers = [] }: MembersEditorProps) {
  const patch = (key: string, change: Partial<MemberDraft>) => onChange(members.map((m) => (m.key === key ? { ...m, ...change } : m)));
  return (
    <fieldset className="axis-block">
      <legend>{it.uvm.members}</legend>
      {errors.members && <p className="field-error">{errors.members}</p>}
      {members.map((member, index) => (
        <div key={member.key} className="budget-line">
          <Field label={`${it.uvm.memberName} ${index + 1}`} error={errors[`members.${index}.name`]}>
            <input value={member.name} onChange={(e) => patch(member.key, { name: e.target.value })} />
          </Field>
          <Field label={it.uvm.memberRole} error={errors[`members.${index}.role`]}>
            <input value={member.role} onChange={(e) => patch(member.key, { role: e.target.value })} />
          </Field>
          <Field label={it.uvm.memberOrganisation} error={errors[`members.${index}.organisation`]}>
            <select
              value={member.organisation}
              onChange={(e) =>
                patch(member.key, { organisation: e.target.value, ...(e.target.value === 'social_services' ? {} : { userId: undefined }) })
              }
            >
              {MEMBER_ORGANISATIONS.map((organisation) => (
                <option key={organisation} value={organisation}>
                  {it.organisations[organisation]}
                </option>
              ))}
            </select>
          </Field>
          {member.organisation === 'social_services' && socialWorkers.length > 0 ? (
            <Field label={it.uvm.memberAccount} error={errors[`members.${index}.userId`]}>
              <select
                value={member.userId ?? ''}
                onChange={(e) => {
                  const worker = socialWorkers.find((w) => w.id === Number(e.target.value));
                  patch(member.key, { userId: worker?.id, ...(worker && !member.name.trim() ? { name: worker.name } : {}) });
                }}
              >
                <option value="">{it.uvm.noAccount}</option>
                {socialWorkers.map((worker) => (
                  <option key={worker.id} value={worker.id}>
                    {worker.name}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <span />
          )}
          <button type="button" className="secondary" onClick={() => onChange(members.filter((m) => m.key !== member.key))}>
            {it.common.remove}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...members, newMember()])}>
        {it.uvm.addMember}
      </button>
    </fieldset>
  );
}
