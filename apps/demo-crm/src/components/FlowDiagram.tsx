/**
 * The read-only flow diagram from @crm/designer, showing an instance's
 * progress when given one. The one place the demo touches the viewer.
 */
import { FlowViewer } from '@crm/designer';
import type { Flow, FlowEvent, InstanceState } from '@crm/flow-runtime';
import { useI18n } from '../i18n';
import { catalog } from '../runtime/definitions';

export function FlowDiagram({ flow, instance, events, height = 380 }: { flow: Flow; instance?: InstanceState; events?: readonly FlowEvent[]; height?: number }) {
  const { locale } = useI18n();
  return (
    <div className="diagram" style={{ height }}>
      <FlowViewer flow={flow} catalog={catalog} locale={locale} {...(instance ? { instance } : {})} {...(events ? { events } : {})} />
    </div>
  );
}
