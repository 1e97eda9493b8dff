/**
 * @crm/designer — React components to draw, review and simulate CRM Flow
 * definitions: {@link FlowDesigner}, {@link FlowViewer}, and the hooks and
 * commands behind them.
 *
 * Styles are separate: `import '@crm/designer/style.css'` once in the host.
 *
 * @packageDocumentation
 */

export { FlowDesigner, type FlowDesignerProps } from './designer/FlowDesigner.js';
export { SimulationPanel, type SimulationPanelProps } from './panels/simulation/SimulationPanel.js';
export { Simulator, type SimulationState } from './simulation/simulator.js';
export { traceLines } from './simulation/trace.js';
export { FieldWidget, fieldText, type FieldWidgetProps } from './forms/FieldWidget.js';
export { DateInput, type DateInputProps } from './forms/DateInput.js';
export { formatDateText, parseDateText, type DateKind, type DateParse } from './forms/dates.js';
export { FieldLimitMessage, limitAttributes, limitMessage, type FieldLimitMessageProps, type LimitedField } from './forms/limits.js';
export type { SimulationScenario, TraceLine } from './simulation/types.js';
export { FlowViewer, type FlowViewerProps } from './designer/FlowViewer.js';
export { FlowDiff } from './panels/DiffDialog.js';
export { CatalogEditor, type CatalogEditorProps } from './catalog/CatalogEditor.js';
export { createCatalogStore, type CatalogStore, type CatalogSnapshot } from './catalog/store.js';
export * as catalogCommands from './catalog/commands.js';
export type { CatalogCommand } from './catalog/commands.js';
export { catalogFindings, type CatalogFinding } from './catalog/findings.js';
export { permissionMatrix, type MatrixStep, type MatrixCell } from './catalog/matrix.js';
export type { FlowTemplate } from './panels/TemplatesDialog.js';
export { NewFlowDialog, type NewFlowDialogProps } from './panels/NewFlowDialog.js';
export { ImportDialog, type ImportDialogProps } from './panels/ImportDialog.js';
export { blankFlow, copyFlow, flowIdFromName, flowName, nextVersion, planImport, readFlowBlob, readFlowFile, type BlankFlowInput, type FlowFileRead, type ImportPlan, type KnownFlow, type Romanize } from './document/new-flow.js';
export { loadPinyin } from './document/pinyin.js';
export { ConditionBuilder, type ConditionBuilderProps } from './panels/condition/ConditionBuilder.js';
export { useDesigner, type DesignerPermission, type DesignerContextValue } from './designer/context.js';
export { instanceProgress, type InstanceLike, type PathEventLike } from './designer/progress.js';
export { createDocumentStore, type DocumentStore, type DocumentSnapshot } from './document/store.js';
export { useFlowDocument } from './document/useFlowDocument.js';
export type { Capture, Command, CommitOptions } from './document/types.js';
export * as commands from './document/commands/index.js';
export { compose } from './document/compose.js';
export { laneBands, laneOrder, NODE_SIZE, type LaneBand } from './document/geometry.js';
export { autoLayout } from './canvas/auto-layout.js';
export { describeRule } from './canvas/describe-rule.js';
export { diffFlows, type FlowDiffResult } from './diff/diff-flows.js';
export { checkFlow } from './validation/check-flow.js';
export { useValidation, type ValidationState } from './validation/useValidation.js';
export type { Diagnostic, ClarityMetrics, ValidationResult } from './validation/types.js';
export type { StepStatus, DiffMark } from './canvas/types.js';
export { I18nProvider, useI18n, translator, type Locale, type MessageKey, type Messages } from './i18n/index.js';
