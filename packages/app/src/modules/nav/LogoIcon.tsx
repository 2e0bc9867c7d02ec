const accent = '#7df3e1';

/** The runway strip: Runway's mark, drawn in a 38x40 box. */
export const RunwayStrip = () => (
  <g fill={accent}>
    <path d="M4 36 L14 4 H24 L34 36 Z" opacity="0.35" />
    {[8, 18, 28].map(y => (
      <rect key={y} x="17.5" y={y} width="3" height="6" />
    ))}
  </g>
);

/** Runway's icon for the collapsed sidebar: the strip alone. */
export const LogoIcon = () => (
  <svg
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 38 40"
    style={{ width: 'auto', height: 28 }}
    role="img"
    aria-label="Runway"
  >
    <RunwayStrip />
  </svg>
);
