/** An area's dictionary: Indonesian first (the default), English with exactly the same keys. */
export function defineStrings<K extends string>(id: Record<K, string>, en: Record<K, string>) {
  return { id, en };
}
