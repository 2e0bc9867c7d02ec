import { RunwayStrip } from './LogoIcon';

/** Runway's wordmark for the open sidebar: the strip and the name. */
export const LogoFull = () => (
  <svg
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 200 40"
    style={{ width: 'auto', height: 30 }}
    role="img"
    aria-label="Runway"
  >
    <RunwayStrip />
    <text
      x="44"
      y="30"
      fill="#7df3e1"
      fontFamily="Helvetica, Arial, sans-serif"
      fontSize="28"
      fontWeight="700"
    >
      Runway
    </text>
  </svg>
);
