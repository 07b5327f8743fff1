import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { optionsCollection } from '../shared/editor/options';
import {
	callVerificationEvent,
	filtersProperty,
	incomingMessageEvent,
} from '../shared/triggers/events';
import { describeEvent } from '../shared/triggers/event';
import { matchesFilters, normaliseCallback } from '../shared/triggers/normalise';
import type { CallbackFilters } from '../shared/triggers/normalise';
import { onePollAtATime } from './onePollAtATime';
import { pollIncoming } from './incoming';
import type { IncomingState, PollResult } from './incoming';
import { pollStatuses } from './statuses';
import type { StatusState } from './statuses';
import { eventsSubtitle } from '../shared/editor/subtitle';

export class SmscPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMSC Poll Trigger',
		name: 'smscPollTrigger',
		icon: { light: 'file:../../icons/smsc.svg', dark: 'file:../../icons/smsc.dark.svg' },
		group: ['trigger'],
		// Version 2 emits the items of shared/triggers/event.ts (docs/smsc-poll-trigger.md); version 1
		// keeps its output, so saved workflows' expressions keep working.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: eventsSubtitle(),
		description:
			'Starts the workflow on incoming messages, verification calls and delivery statuses by asking SMSC regularly; needs no public URL',
		defaults: { name: 'SMSC Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smscApi', required: true }],
		properties: [
			{
				displayName:
					'Use this trigger when SMSC cannot reach your n8n (no public URL). If it can, the SMSC Trigger reports the same events at once, without polling.',
				name: 'pollNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['incomingMessage', 'callVerification'],
				description:
					'What starts the workflow. The first activation starts from now: earlier messages are not replayed.',
				options: [
					callVerificationEvent,
					{
						name: 'Delivery Status',
						value: 'deliveryStatus',
						description: 'The status of one of the 1000 most recently sent messages changed',
					},
					incomingMessageEvent,
				],
			},
			filtersProperty,
			optionsCollection([
				{
					displayName: 'Final Statuses Only',
					name: 'finalOnly',
					type: 'boolean',
					default: true,
					description:
						'Whether to report only final delivery statuses (delivered, read, failed …) and skip intermediate ones such as "passed to the operator"',
				},
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const events = this.getNodeParameter('events', []) as string[];
		const filters = this.getNodeParameter('filters', {}) as CallbackFilters;
		const options = this.getNodeParameter('options', {}) as { finalOnly?: boolean };
		const manual = this.getMode() === 'manual';
		const state = this.getWorkflowStaticData('node') as IDataObject & IncomingState & StatusState;
		const describe = this.getNode().typeVersion >= 2 ? describeEvent : normaliseCallback;

		const poll = async (): Promise<PollResult[]> => {
			const results: PollResult[] = [];
			if (events.includes('incomingMessage') || events.includes('callVerification')) {
				results.push(await pollIncoming.call(this, state, manual, describe));
			}
			if (events.includes('deliveryStatus')) {
				results.push(
					await pollStatuses.call(this, state, manual, options.finalOnly ?? true, describe),
				);
			}
			for (const result of results) result.commit();
			return results;
		};
		// "Fetch test event" reads without moving the cursor, so only scheduled polls are kept apart.
		const results = manual
			? await poll()
			: await onePollAtATime(`${this.getWorkflow().id}:${this.getNode().id}`, [], poll);

		const items = results
			.flatMap((result) => result.items)
			.filter((item) => matchesFilters(item, events, filters));
		return items.length > 0 ? [this.helpers.returnJsonArray(items)] : null;
	}
}
