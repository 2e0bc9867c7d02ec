import { ReactNode } from 'react';

const accent = '#7df3e1';

/** An SVG carrying Runway's accessible name, for both logos. */
export const RunwaySvg = (props: {
  viewBox: string;
  height: number;
  children: ReactNode;
}) => (
  <svg
    xmlns="http://www.w3.org/2000/svg"
    viewBox={props.viewBox}
    style={{ width: 'auto', height: props.height }}
    role="img"
    aria-label="Runway"
  >
    {props.children}
  </svg>
);

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
  <RunwaySvg viewBox="0 0 38 40" height={28}>
    <RunwayStrip />
  </RunwaySvg>
);
