import { renderSVG } from 'uqr';

/** A link as a QR code, an SVG in a data URL for an `<img>` (no inline SVG, no script). */
export const qrDataUrl = (url: string) => `data:image/svg+xml;base64,${btoa(renderSVG(url, { border: 2 }))}`;
