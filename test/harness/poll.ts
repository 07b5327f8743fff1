/**
 * Polling triggers: one `poll()` with a real n8n-core `PollContext`, as n8n's poll timer
 * (mode `trigger`, via `TriggersAndPollers.runPoll`) or the editor's "Fetch test event"
 * (mode `manual`) runs it. Static data persists between calls when the test passes the same
 * object again.
 */
import { Container } from '@n8n/di';
import { PollContext } from 'n8n-core';
import { TriggersAndPollers } from 'n8n-core/dist/execution-engine/triggers-and-pollers';
import type {
	INodeExecutionData,
	INodeParameters,
	WorkflowActivateMode,
	IDataObject,
} from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { CredentialsMap } from './credentials';
import type { AnyNodeType } from './node-types';
import type { SingleNodeOptions } from './single-node';
import { setupSingleNode } from './single-node';
import { persistStaticData } from './static-data';

export interface RunPollOptions extends Omit<
	SingleNodeOptions,
	'parameters' | 'credentials' | 'staticData'
> {
	/** `trigger` (default, the active workflow's poll timer) or `manual` ("Fetch test event"). */
	mode?: 'trigger' | 'manual';
	/** Default `activate` in trigger mode, `manual` in manual mode. */
	activation?: WorkflowActivateMode;
}

/** Runs `poll()` once. Returns what n8n would emit (start a run with), or null when nothing. */
export async function runPoll(
	nodeType: AnyNodeType,
	parameters: INodeParameters = {},
	credentials: CredentialsMap = {},
	staticData: IDataObject = {},
	options: RunPollOptions = {},
): Promise<INodeExecutionData[][] | null> {
	const mode = options.mode ?? 'trigger';
	const { workflow, node, credentialsHelper } = setupSingleNode(nodeType, {
		...options,
		parameters,
		credentials,
		staticData,
	});
	const additionalData = createAdditionalData({ credentialsHelper });
	try {
		if (mode === 'manual') {
			// WorkflowExecute.executePollNode
			const context = new PollContext(
				workflow,
				node,
				additionalData,
				'manual',
				options.activation ?? 'manual',
			);
			return await context.nodeType.poll!.call(context);
		}
		// ActiveWorkflows' poll function: runPoll, then __emit when not null
		let emitted: INodeExecutionData[][] | null = null;
		const context = new PollContext(
			workflow,
			node,
			additionalData,
			'trigger',
			options.activation ?? 'activate',
			(data) => {
				emitted = data;
			},
			(error) => {
				throw error;
			},
		);
		const response = await Container.get(TriggersAndPollers).runPoll(workflow, node, context);
		if (response !== null) context.__emit(response);
		return emitted;
	} finally {
		persistStaticData(staticData);
	}
}
