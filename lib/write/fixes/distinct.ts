/** The mends of some fixes, each once: several findings can share one mend (a light module: the panel imports it). */
export const distinctPreviews = (fixes: readonly { preview: string }[]) => [...new Set(fixes.map((f) => f.preview))];
