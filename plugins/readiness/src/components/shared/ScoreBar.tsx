import { scoreColor } from './presentation';

/** A thin horizontal bar filled to the score, coloured red to green. */
export const ScoreBar = ({ score }: { score: number | null }) => (
  <div
    aria-hidden
    style={{
      height: 6,
      borderRadius: 3,
      margin: '4px 0',
      background: 'var(--bui-bg-neutral-2, #eeeeee)',
      overflow: 'hidden',
    }}
  >
    <div
      style={{
        width: `${Math.max(0, Math.min(100, score ?? 0))}%`,
        height: '100%',
        background: scoreColor(score),
      }}
    />
  </div>
);
