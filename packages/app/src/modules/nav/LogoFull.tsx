import { RunwayStrip, RunwaySvg } from './LogoIcon';

/** Runway's wordmark for the open sidebar: the strip and the name. */
export const LogoFull = () => (
  <RunwaySvg viewBox="0 0 200 40" height={30}>
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
  </RunwaySvg>
);
