/**
 * A horizontal stacked bar per row, drawn on the server as SVG. The chart is a picture of the
 * table that follows it (the real data, for screen readers and for copying); a row too small to
 * show says so in words instead of a bar.
 */
import type { Ui } from '../ui.ts';

export interface ChartRow {
  label: string;
  /** Shares (0–1) per option, in option order, null where that cell is hidden; undefined when the whole row is. */
  shares?: (number | null)[];
}

/** The part of a bar whose options are hidden: light, outlined, and named in the legend. */
const HIDDEN = '#f3f2f1';

/** Colours from the saddest answer to the happiest, told apart by lightness as well as hue. */
const SCALE = ['#942514', '#d4351c', '#b1b4b6', '#4c8c2b', '#005a30'];
const CATEGORICAL = ['#1d70b8', '#003078', '#5694ca', '#912b88', '#f499be', '#505a5f'];

export const colourOf = (index: number, count: number, ordered: boolean) => (ordered && count <= SCALE.length ? SCALE[index + Math.floor((SCALE.length - count) / 2)]! : CATEGORICAL[index % CATEGORICAL.length]!);

const LABEL_WIDTH = 170;
const BAR_WIDTH = 420;
const ROW_HEIGHT = 30;

export function StackedBars({ ui, id, title, rows, options, ordered }: { ui: Ui; id: string; title: string; rows: ChartRow[]; options: string[]; ordered: boolean }) {
  const height = rows.length * ROW_HEIGHT + 8;
  return (
    <figure class="chart">
      <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 10} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{title}</title>
        {rows.map((row, index) => {
          const y = index * ROW_HEIGHT + 4;
          let x = LABEL_WIDTH;
          return (
            <g>
              <text x={LABEL_WIDTH - 8} y={y + 17} text-anchor="end" font-size="13">
                {row.label.length > 24 ? `${row.label.slice(0, 23)}…` : row.label}
              </text>
              {row.shares ? (
                <>
                  {row.shares.map((share, option) => {
                    const width = (share ?? 0) * BAR_WIDTH;
                    const rect = <rect x={x} y={y} width={width} height={ROW_HEIGHT - 8} fill={colourOf(option, options.length, ordered)} />;
                    x += width;
                    return rect;
                  })}
                  {x < LABEL_WIDTH + BAR_WIDTH - 0.5 && <rect x={x} y={y} width={LABEL_WIDTH + BAR_WIDTH - x} height={ROW_HEIGHT - 8} fill={HIDDEN} stroke="#505a5f" />}
                </>
              ) : (
                <text x={LABEL_WIDTH} y={y + 17} font-size="13" font-style="italic">
                  {ui.t('insight.suppressed')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul class="legend-list" aria-hidden="true">
        {options.map((option, index) => (
          <li>
            <span class="swatch">
              <svg width="14" height="14" viewBox="0 0 14 14">
                <rect width="14" height="14" fill={colourOf(index, options.length, ordered)} />
              </svg>
            </span>{' '}
            {option}
          </li>
        ))}
        {rows.some((row) => row.shares?.some((share) => share === null)) && (
          <li>
            <span class="swatch">
              <svg width="14" height="14" viewBox="0 0 14 14">
                <rect width="14" height="14" fill={HIDDEN} stroke="#505a5f" />
              </svg>
            </span>{' '}
            {ui.t('insight.suppressed')}
          </li>
        )}
      </ul>
    </figure>
  );
}
