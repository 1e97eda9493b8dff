import { useCallback, useEffect, useState } from 'react';

/** How the designer's room is shared: focus mode (the whole window) and which side panels show. */
export interface DesignerLayout {
  focus: boolean;
  palette: boolean;
  inspector: boolean;
  bottom: boolean;
}

/** Where the layout is remembered in the browser, across flows and reloads. */
export const LAYOUT_STORAGE_KEY = 'crm-flow-designer.layout';

const DEFAULT_LAYOUT: DesignerLayout = { focus: false, palette: true, inspector: true, bottom: true };

function load(): DesignerLayout {
  try {
    const raw = globalThis.localStorage?.getItem(LAYOUT_STORAGE_KEY);
    if (!raw) return DEFAULT_LAYOUT;
    const v = JSON.parse(raw) as Partial<Record<keyof DesignerLayout, unknown>>;
    const flag = (k: keyof DesignerLayout) => (typeof v[k] === 'boolean' ? (v[k] as boolean) : DEFAULT_LAYOUT[k]);
    return { focus: flag('focus'), palette: flag('palette'), inspector: flag('inspector'), bottom: flag('bottom') };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

/** The designer's layout, remembered in localStorage (storage that refuses is ignored: the layout then lasts the page). */
export function useDesignerLayout(): [DesignerLayout, (key: keyof DesignerLayout, value?: boolean) => void] {
  const [layout, setLayout] = useState(load);
  useEffect(() => {
    try {
      globalThis.localStorage?.setItem(LAYOUT_STORAGE_KEY, JSON.stringify(layout));
    } catch {
      // Private mode or a full quota: the layout is kept for this page only.
    }
  }, [layout]);
  const toggle = useCallback((key: keyof DesignerLayout, value?: boolean) => setLayout((l) => ({ ...l, [key]: value ?? !l[key] })), []);
  return [layout, toggle];
}
