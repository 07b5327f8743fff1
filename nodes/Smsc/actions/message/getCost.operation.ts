import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toNumber } from '../../../shared/smsc/numbers';
import { smscRequest } from '../../../shared/transport/request';
import { defineOperation } from '../operation';
import type { RunState } from '../runState';
import { sendAndCostFields } from '../../send/fields';
import { ItemParameters } from '../../send/itemParameters';
import { prepareMessage, singleRequestParams, singleRequestPayload } from '../../send/prepare';

/** Prices the message exactly as Send would send it (cost=1): SMSC sends nothing and charges nothing. */
async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
): Promise<IDataObject> {
	const parameters = run.once('parameters', () => new ItemParameters(this));
	const message = prepareMessage.call(this, parameters, itemIndex);
	const answer = (await smscRequest.call(
		this,
		'send',
		{ ...singleRequestParams(message), cost: 1 },
		{
			readOnly: true,
			itemIndex,
			...(await singleRequestPayload.call(this, message)),
		},
	)) as IDataObject;
	const out: IDataObject = {
		cost: toNumber(answer.cost),
		parts: toNumber(answer.cnt),
		channel: message.channel,
		phones: message.recipients,
	};
	if (message.group) out.group = message.group;
	if (message.estimate) {
		out.encoding = message.estimate.encoding;
		out.characters = message.estimate.characters;
		out.partsPerRecipient = message.estimate.parts;
	}
	return out;
}

export const getCost = defineOperation(
	'message',
	'getCost',
	{ shared: sendAndCostFields },
	execute,
	{
		name: 'Get Cost',
		description: 'Get the price of a message without sending it',
		action: 'Get the cost of a message',
	},
);
