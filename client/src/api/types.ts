// A page of any list reply, as shared/ describes it (listReply).
export type { ListPage as Page } from '@bds/shared';
