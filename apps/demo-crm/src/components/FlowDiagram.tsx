/**
 * The read-only flow diagram from @crm/designer, showing an instance's
 * progress when given one. The one place the demo touches the viewer.
 */
import { FlowViewer, laneBands } from '@crm/designer';
import type { Flow, FlowEvent, InstanceState } from '@crm/flow-runtime';
import { useI18n } from '../i18n';
import { catalog } from '../runtime/definitions';

/** The viewer's readable zoom and padding (its defaults), to size the box to the lanes. */
const ZOOM = 0.75;
const PADDING = 24;

/**
 * The box is as tall as the flow's lanes at the readable zoom (so no band of
 * empty canvas above and below), at most `maxHeight`. A flow wider than the
 * page opens on the step the case is at; the rest is a drag away.
 */
export function FlowDiagram({ flow, instance, events, maxHeight = 560 }: { flow: Flow; instance?: InstanceState; events?: readonly FlowEvent[]; maxHeight?: number }) {
  const { locale } = useI18n();
  const lanes = laneBands(flow, catalog).reduce((sum, b) => sum + b.height, 0);
  const height = Math.min(maxHeight, Math.max(240, Math.ceil(lanes * ZOOM + 2 * PADDING)));
  return (
    <div className="diagram" style={{ height }}>
      <FlowViewer flow={flow} catalog={catalog} locale={locale} minFitZoom={ZOOM} {...(instance ? { instance } : {})} {...(events ? { events } : {})} />
    </div>
  );
}
