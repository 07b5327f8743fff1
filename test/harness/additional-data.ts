import { Container } from '@n8n/di';
import type { ExecutionLifecycleHooks } from 'n8n-core';
import { ExternalSecretsProxy } from 'n8n-core';
import type { IDataObject, INodeParameters, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentials';

export const DEFAULT_INSTANCE_BASE_URL = 'http://localhost:5678';

export interface AdditionalDataOptions {
	credentialsHelper: HarnessCredentialsHelper;
	hooks?: ExecutionLifecycleHooks;
	executionId?: string;
	/** Base of `getNodeWebhookUrl()`, e.g. the harness webhook server's `http://127.0.0.1:PORT/webhook`. */
	webhookBaseUrl?: string;
	webhookTestBaseUrl?: string;
	/** Base of `getSignedResumeUrl()`, e.g. the harness waiting server's `http://127.0.0.1:PORT/webhook-waiting`. */
	webhookWaitingBaseUrl?: string;
	currentNodeParameters?: INodeParameters;
	variables?: IDataObject;
}

/**
 * The `IWorkflowExecuteAdditionalData` n8n's CLI builds in `WorkflowExecuteAdditionalData.getBase()`,
 * reduced to what an execution outside a server needs. Sub-workflow execution and task runners
 * (Code node) are not available.
 */
export function createAdditionalData(
	options: AdditionalDataOptions,
): IWorkflowExecuteAdditionalData {
	const base = DEFAULT_INSTANCE_BASE_URL;
	const notAvailable = (what: string) => async () => {
		throw new UnexpectedError(`${what} is not available in the test harness`);
	};
	return {
		credentialsHelper: options.credentialsHelper,
		hooks: options.hooks,
		executionId: options.executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formWaitingBaseUrl: `${base}/form-waiting`,
		webhookBaseUrl: options.webhookBaseUrl ?? `${base}/webhook`,
		webhookWaitingBaseUrl: options.webhookWaitingBaseUrl ?? `${base}/webhook-waiting`,
		webhookTestBaseUrl: options.webhookTestBaseUrl ?? `${base}/webhook-test`,
		currentNodeParameters: options.currentNodeParameters,
		userId: 'harness-user',
		variables: options.variables ?? {},
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
		executeWorkflow: notAvailable('Executing sub-workflows'),
		getRunExecutionData: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: notAvailable('Task runners (Code node)'),
	} as IWorkflowExecuteAdditionalData;
}
