/**
 * In-process n8n test harness: runs nodes with n8n-core's real execution engine, contexts and
 * HTTP helpers. See README.md in this folder.
 */
export { runWorkflow, makeResult } from './run-workflow';
export type { RunWorkflowOptions, WorkflowJson, WorkflowRunResult } from './run-workflow';
export { runCredentialTest } from './credential-test';
export type { CredentialTestOptions } from './credential-test';
export { listSearch, loadOptions } from './load-options';
export type { LoadOptionsOptions } from './load-options';
export { runPoll } from './poll';
export type { RunPollOptions } from './poll';
export { getNodeWebhooks, runWebhookMethod, startWebhookServer } from './webhook';
export type {
	HarnessWebhookRequest,
	HarnessWebhookResponse,
	HarnessWebhookServer,
	WebhookCall,
	WebhookMethodOptions,
	WebhookServerOptions,
} from './webhook';
export { setupSingleNode } from './single-node';
export type { SingleNodeOptions } from './single-node';
export { HARNESS_ITEMS, MANUAL_TRIGGER, NO_OP, builtinNodeTypes } from './builtin-nodes';
export {
	HarnessCredentialTypes,
	HarnessCredentialsHelper,
	nodeCredentialsFor,
} from './credentials';
export type { CredentialsMap, CredentialTypesInput, HarnessCredential } from './credentials';
export { HarnessNodeTypes, defaultTypeName, latestDescription, latestVersion } from './node-types';
export type { AnyNodeType, NodeTypeMap } from './node-types';
export { HarnessExecutionError } from './errors';
export { createAdditionalData } from './additional-data';
export { ensureN8nCore, reportedErrors } from './setup';
export { persistStaticData } from './static-data';
export { startWaitingServer } from './waiting';
export type { WaitingCall, WaitingOptions, WaitingServer } from './waiting';
