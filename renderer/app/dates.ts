/** Calendar days as the clinic reads them on every screen: YYYY-MM-DD, UTC. */
export const dayOf = (atMs: number): string => new Date(atMs).toISOString().slice(0, 10);
