import type { Flow } from '@crm/flow-runtime';

declare global {
  interface Window {
    __flow?: Flow;
    __published?: Flow;
    __ready?: number;
  }
}
