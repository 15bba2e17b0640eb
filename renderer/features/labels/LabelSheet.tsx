import type { LabelData } from '../../../shared/contract/labels';
import { LABEL_LAYOUTS, nameCharsFor, placeLabels, shortenName, type LabelLayoutId } from '../../../shared/domain/labelLayouts';
import { formatRupiah } from '../../../shared/money';
import { useT } from '../../i18n';
import { Barcode, barcodeWidthMm, groupedDigits } from './Barcode';

/** The largest module (bar width) that fits the label, preferring the standard 0.33 mm, in whole 203 dpi dots on rolls. */
function moduleFor(labelWidthMm: number, dpi: number | null): number {
  const usable = labelWidthMm - 2;
  const candidates = dpi ? [3, 2].map((dots) => (dots * 25.4) / dpi) : [0.33, 0.3, 0.27, 0.25];
  return candidates.find((m) => barcodeWidthMm(m) <= usable) ?? candidates[candidates.length - 1]!;
}

/** dd/mm/yy, or dd/mm where a small label has no room for the year. */
const expiryText = (date: string, small: boolean) => `${date.slice(8, 10)}/${date.slice(5, 7)}${small ? '' : `/${date.slice(2, 4)}`}`;

/**
 * The labels as they will print: one `.print-page` per sheet (or per row of a
 * roll), each label placed in millimetres where the sticker is.
 */
export function LabelSheet({ labels, layoutId, startAt }: { labels: LabelData[]; layoutId: LabelLayoutId; startAt: number }) {
  const t = useT();
  const layout = LABEL_LAYOUTS[layoutId];
  const slots = placeLabels(layout, labels.length, startAt);
  const pageCount = slots.length ? slots[slots.length - 1]!.page + 1 : 0;
  const moduleMm = moduleFor(layout.labelWidthMm, layout.dpi);
  const small = layout.labelHeightMm < 20;
  const barsMm = Math.max(5, Math.min(14, layout.labelHeightMm - (small ? 8.5 : 14)));
  const nameChars = nameCharsFor(layout);
  return (
    <div className={`label-sheets${small ? ' label-small' : ''}`}>
      {Array.from({ length: pageCount }, (_, page) => (
        <article
          key={page}
          className="print-page label-page"
          aria-label={t('labels.page', { n: page + 1 })}
          style={{ width: `${layout.pageWidthMm}mm`, height: `${layout.pageHeightMm}mm` }}
        >
          {slots.map((slot, i) =>
            slot.page !== page ? null : (
              <div
                key={i}
                className="label"
                data-barcode={labels[i]!.barcode}
                style={{ left: `${slot.xMm}mm`, top: `${slot.yMm}mm`, width: `${layout.labelWidthMm}mm`, height: `${layout.labelHeightMm}mm` }}
              >
                <div className="label-name">{shortenName(labels[i]!.name, nameChars)}</div>
                <Barcode code={labels[i]!.barcode} moduleMm={moduleMm} heightMm={barsMm} />
                <div className="label-digits">{groupedDigits(labels[i]!.barcode)}</div>
                <div className="label-foot">
                  <strong>{formatRupiah(labels[i]!.retailPrice)}</strong>
                  <span>
                    {labels[i]!.producerShortName}
                    {labels[i]!.expiryDate ? ` · ${t('labels.expiry', { date: expiryText(labels[i]!.expiryDate!, small) })}` : ''}
                  </span>
                </div>
              </div>
            ),
          )}
        </article>
      ))}
    </div>
  );
}
