/**
 * Label stock that village shops buy in Indonesia, in millimetres.
 *
 * Tom & Jerry / Koala sticker sheets are not A4: the sheet is 165 × 210 mm
 * (16,5 × 21 cm). No. 103 carries 12 labels of 64 × 32 mm (2 × 6), No. 121
 * 10 labels of 75 × 38 mm (2 × 5). A plain A4 sticker sheet of 3 × 10 labels
 * (70 × 29,7 mm, no margins) is sold beside them. Thermal label rolls are one
 * page per row: 33 × 15 mm two across (a 66 mm wide liner) and 50 × 30 mm.
 */
export interface LabelLayout {
  id: LabelLayoutId;
  /** What the package says, for the picker. */
  name: string;
  kind: 'sheet' | 'roll';
  pageWidthMm: number;
  pageHeightMm: number;
  labelWidthMm: number;
  labelHeightMm: number;
  columns: number;
  rows: number;
  /** Distance from the page's top-left corner to the first label. */
  marginTopMm: number;
  marginLeftMm: number;
  gapXMm: number;
  gapYMm: number;
  /** Dots per inch of the printer it is meant for: thermal heads are 203 dpi. */
  dpi: number | null;
}

export const LABEL_LAYOUT_IDS = ['tj103', 'tj121', 'a4-3x10', 'roll-33x15x2', 'roll-50x30'] as const;
export type LabelLayoutId = (typeof LABEL_LAYOUT_IDS)[number];

export const LABEL_LAYOUTS: Record<LabelLayoutId, LabelLayout> = {
  tj103: {
    id: 'tj103', name: 'Tom & Jerry / Koala No. 103 (64 × 32 mm, 12 per sheet)', kind: 'sheet',
    pageWidthMm: 165, pageHeightMm: 210, labelWidthMm: 64, labelHeightMm: 32, columns: 2, rows: 6,
    marginTopMm: 5, marginLeftMm: 14, gapXMm: 9, gapYMm: 2, dpi: null,
  },
  tj121: {
    id: 'tj121', name: 'Tom & Jerry / Koala No. 121 (75 × 38 mm, 10 per sheet)', kind: 'sheet',
    pageWidthMm: 165, pageHeightMm: 210, labelWidthMm: 75, labelHeightMm: 38, columns: 2, rows: 5,
    marginTopMm: 10, marginLeftMm: 5, gapXMm: 5, gapYMm: 2, dpi: null,
  },
  'a4-3x10': {
    id: 'a4-3x10', name: 'A4 3 × 10 (70 × 29,7 mm, 30 per sheet)', kind: 'sheet',
    pageWidthMm: 210, pageHeightMm: 297, labelWidthMm: 70, labelHeightMm: 29.7, columns: 3, rows: 10,
    marginTopMm: 0, marginLeftMm: 0, gapXMm: 0, gapYMm: 0, dpi: null,
  },
  'roll-33x15x2': {
    id: 'roll-33x15x2', name: 'Thermal roll 33 × 15 mm, two across', kind: 'roll',
    pageWidthMm: 68, pageHeightMm: 15, labelWidthMm: 33, labelHeightMm: 15, columns: 2, rows: 1,
    marginTopMm: 0, marginLeftMm: 0, gapXMm: 2, gapYMm: 0, dpi: 203,
  },
  'roll-50x30': {
    id: 'roll-50x30', name: 'Thermal roll 50 × 30 mm', kind: 'roll',
    pageWidthMm: 50, pageHeightMm: 30, labelWidthMm: 50, labelHeightMm: 30, columns: 1, rows: 1,
    marginTopMm: 0, marginLeftMm: 0, gapXMm: 0, gapYMm: 0, dpi: 203,
  },
};

export const labelsPerPage = (layout: LabelLayout): number => layout.columns * layout.rows;

export interface LabelSlot {
  page: number;
  /** Top-left corner of the label on its page. */
  xMm: number;
  yMm: number;
}

/**
 * Where each of `count` labels goes, starting at position `startAt` (1-based,
 * row by row) of the first page, so a half-used sheet is not wasted. Later
 * pages start at their first position.
 */
export function placeLabels(layout: LabelLayout, count: number, startAt = 1): LabelSlot[] {
  const perPage = labelsPerPage(layout);
  if (!Number.isInteger(startAt) || startAt < 1 || startAt > perPage) {
    throw new Error(`start position must be 1–${perPage}`);
  }
  const slots: LabelSlot[] = [];
  for (let i = 0; i < count; i++) {
    const index = startAt - 1 + i;
    const page = Math.floor(index / perPage);
    const within = index % perPage;
    const row = Math.floor(within / layout.columns);
    const col = within % layout.columns;
    slots.push({
      page,
      xMm: layout.marginLeftMm + col * (layout.labelWidthMm + layout.gapXMm),
      yMm: layout.marginTopMm + row * (layout.labelHeightMm + layout.gapYMm),
    });
  }
  return slots;
}

/** A product name cut to fit a label, on a word boundary where there is one, with an ellipsis. */
export function shortenName(name: string, maxChars: number): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= maxChars / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** How many characters of the name fit across a label (about 1.9 mm per character at the label's type size). */
export const nameCharsFor = (layout: LabelLayout): number => Math.max(10, Math.floor(layout.labelWidthMm / 1.9));
