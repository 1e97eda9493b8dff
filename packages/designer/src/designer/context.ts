import { createContext, useContext } from 'react';
import type { Catalog } from '@crm/flow-runtime';
import type { CatalogCommand } from '../catalog/commands.js';
import type { DocumentStore } from '../document/store.js';
import type { StateStore } from './state-store.js';
import type { UiState } from './ui-state.js';

/** Who is using the designer: viewers only look, key users edit, admins also publish. */
export type DesignerPermission = 'viewer' | 'key-user' | 'admin';

/** What the designer's parts share. */
export interface DesignerContextValue {
  store: DocumentStore;
  ui: StateStore<UiState>;
  catalog: Catalog;
  permission: DesignerPermission;
  /** False for viewers and while simulating. */
  editable: boolean;
  /** Applies a catalog fix (admins, when the host takes catalog changes). */
  fixCatalog?: (command: CatalogCommand) => void;
  /** The host gives flows their ids (made from the name when the flow was created): the id is shown, not edited. */
  idManaged?: boolean;
}

export const DesignerContext = createContext<DesignerContextValue | null>(null);

/** The designer this component is inside of. */
export function useDesigner(): DesignerContextValue {
  const ctx = useContext(DesignerContext);
  if (!ctx) throw new Error('useDesigner must be used inside <FlowDesigner> or <FlowViewer>.');
  return ctx;
}
