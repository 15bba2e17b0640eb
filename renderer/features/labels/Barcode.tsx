import { useMemo } from 'react';
import { toSVG } from 'bwip-js/browser';

/** EAN-13 has 95 modules of bars; the standard asks 11 blank modules left and 7 right (the quiet zones). */
const EAN13_MODULES = 95;
export const QUIET_LEFT_MODULES = 11;
export const QUIET_RIGHT_MODULES = 7;

/** The width a barcode takes on the label, quiet zones included. */
export const barcodeWidthMm = (moduleMm: number) => (EAN13_MODULES + QUIET_LEFT_MODULES + QUIET_RIGHT_MODULES) * moduleMm;

/**
 * The bars of an EAN-13 drawn by bwip-js as vector SVG, each module exactly
 * `moduleMm` wide so a 203 dpi head prints whole dots; the digits are set in
 * type below by the label, where they stay sharp at any size.
 */
export function Barcode({ code, moduleMm, heightMm }: { code: string; moduleMm: number; heightMm: number }) {
  const svg = useMemo(() => {
    const raw = toSVG({ bcid: 'ean13', text: code, scaleX: 1, scaleY: 1, height: 10, includetext: false });
    // Stretch the bars to the asked height; their widths keep the module size.
    return raw.replace('<svg ', '<svg preserveAspectRatio="none" width="100%" height="100%" ');
  }, [code]);
  return (
    <div
      className="label-bars"
      role="img"
      aria-label={`Barcode ${code}`}
      style={{
        width: `${EAN13_MODULES * moduleMm}mm`,
        height: `${heightMm}mm`,
        marginLeft: `${QUIET_LEFT_MODULES * moduleMm}mm`,
        marginRight: `${QUIET_RIGHT_MODULES * moduleMm}mm`,
      }}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

/** `2 000000 000015`: the grouping printed under EAN-13 bars. */
export const groupedDigits = (code: string) => `${code.slice(0, 1)} ${code.slice(1, 7)} ${code.slice(7)}`;
