import { updateItem } from '@/lib/storage/update-item';
import { defineTrustedItem } from '@/lib/storage/trusted';

/**
 * The task the user chose for an issue that has no task of its own, by the
 * issue's external id: the next start on that issue needs no picker.
 */
export type IssueLinks = Record<string, number>;

export const issueLinks = defineTrustedItem<IssueLinks>('issueLinks', { fallback: {} });

export function rememberIssueTask(externalId: string, taskId: number): Promise<IssueLinks> {
  return updateItem(issueLinks, (links) => ({ ...links, [externalId]: taskId }));
}
