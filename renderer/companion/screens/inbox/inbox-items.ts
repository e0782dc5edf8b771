/** The parts of an in-app message the inbox logic needs. */
export interface InboxItem {
  id: string;
  readAt: string | null;
}

/** Ids of the unread messages, at most 200 (the hub's limit for one mark-read call). */
export function unreadIds(items: readonly InboxItem[]): string[] {
  return items
    .filter((item) => item.readAt === null)
    .map((item) => item.id)
    .slice(0, 200);
}
