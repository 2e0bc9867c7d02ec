/** Runway's icon for the collapsed sidebar: the runway strip alone. */
export const LogoIcon = () => (
  <svg
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 38 40"
    style={{ width: 'auto', height: 28 }}
    role="img"
    aria-label="Runway"
  >
    <g fill="#7df3e1">
      <path d="M4 36 L14 4 H24 L34 36 Z" opacity="0.35" />
      <rect x="17.5" y="8" width="3" height="6" />
      <rect x="17.5" y="18" width="3" height="6" />
      <rect x="17.5" y="28" width="3" height="6" />
    </g>
  </svg>
);
