/**
 * How much disk the automatic backups may take together (SPEC §9: "rotated …
 * within a size budget"). 14 daily and 8 weekly copies of a five-year store
 * (680 MiB) were about 15 GB uncompressed; compressed they are a third of
 * that, and the budget keeps a laptop's disk from filling regardless.
 * `UKM_MART_BACKUP_BUDGET_MB` overrides it; manual backups do not count.
 */
export const DEFAULT_BACKUP_BUDGET_BYTES = 4 * 1024 ** 3;

export function backupBudgetBytes(_dbBytes = 0): number {
  const env = Number(process.env.UKM_MART_BACKUP_BUDGET_MB);
  return Number.isFinite(env) && env > 0 ? Math.round(env * 1024 * 1024) : DEFAULT_BACKUP_BUDGET_BYTES;
}
