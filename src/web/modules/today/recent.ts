/**
 * Records the user opened lately, newest first, kept in this browser only (what someone looked
 * at is nobody else's business and needs no server round trip). Per account, so a shared
 * computer does not mix two people's lists.
 */
export interface RecentRecord {
  object: string;
  id: number;
  title: string;
  at: string;
}

const KEEP = 12;
const key = (userId: number) => `kartoteka.recent.${userId}`;

export function recentRecords(userId: number): RecentRecord[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key(userId)) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (entry): entry is RecentRecord =>
            typeof entry === 'object' &&
            entry !== null &&
            typeof (entry as RecentRecord).object === 'string' &&
            typeof (entry as RecentRecord).id === 'number' &&
            typeof (entry as RecentRecord).title === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

export function rememberOpened(userId: number, record: Omit<RecentRecord, 'at'>): void {
  const others = recentRecords(userId).filter(
    (entry) => entry.object !== record.object || entry.id !== record.id,
  );
  const next = [{ ...record, at: new Date().toISOString() }, ...others].slice(0, KEEP);
  try {
    localStorage.setItem(key(userId), JSON.stringify(next));
  } catch {
    // A full or disabled storage costs only the list.
  }
}
