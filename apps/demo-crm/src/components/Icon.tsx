/**
 * A few inline SVG icons, so the demo does not depend on emoji fonts
 * (headless and minimal systems show boxes for them).
 */
export type IconName = 'lock' | 'warning' | 'critical' | 'info';

const PATHS: Record<IconName, string> = {
  lock: 'M5 7V5a3 3 0 0 1 6 0v2h1v7H4V7h1zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2z',
  warning: 'M8 1.5 15 14H1L8 1.5zm-.75 4.5v4h1.5V6h-1.5zm0 5v1.5h1.5V11h-1.5z',
  critical: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM4.5 7.25v1.5h7v-1.5h-7z',
  info: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm-.75 6v5h1.5V7h-1.5zm0-3v1.5h1.5V4h-1.5z',
};

export function Icon({ name, size = 14, title }: { name: IconName; size?: number; title?: string }) {
  return (
    <svg className={`icon icon-${name}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden={title ? undefined : true} role={title ? 'img' : undefined} fillRule="evenodd">
      {title && <title>{title}</title>}
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
