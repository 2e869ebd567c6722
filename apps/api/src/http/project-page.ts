import { NotFoundError } from '@compileo/domain';
import type { ProjectsQueries } from '@compileo/read-models';
import { pageWindow } from './paging';

/** A page of a list route: the items under their own key (`datasets`, `jobs`, `documents`), then totals. */
export type PageView<K extends string, V> = { readonly [key in K]: readonly V[] } & {
  readonly total: number;
  readonly page: number;
  readonly per_page: number;
};

/** One page of a project's rows as views; a 404 for an unknown project. */
export const projectPage = async <K extends string, R, V>(
  projects: ProjectsQueries,
  q: { readonly project_id: string; readonly page: number; readonly per_page: number },
  key: K,
  list: (window: { limit: number; offset: number }) => Promise<{ rows: R[]; total: number }>,
  view: (row: R) => V,
): Promise<PageView<K, V>> => {
  if (!(await projects.find(q.project_id))) throw new NotFoundError('project', q.project_id);
  const { rows, total } = await list(pageWindow(q));
  return { [key]: rows.map(view), total, page: q.page, per_page: q.per_page } as PageView<K, V>;
};
