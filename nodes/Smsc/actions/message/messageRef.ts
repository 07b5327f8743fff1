import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parsePhone, splitList } from '../../../shared/smsc/phones';
import { emptyField, isMessageId } from '../../../shared/smsc/rules';
import { refuseItem } from '../itemErrors';

/** Status and Delete address messages the way SMSC stores them: a message ID plus a recipient phone. */
export function messageRefFields(action: string): INodeProperties[] {
	return [
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1042',
			description: `The ID Send returned. Several IDs, separated by commas, ${action} several messages; one ID applies to every phone.`,
		},
		{
			displayName: 'Phone Numbers',
			name: 'phones',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. +79991234567',
			description:
				'The recipient of the message, or several separated by commas (or an array), in the same order as the IDs',
		},
	];
}

export interface MessageRef {
	id: string;
	phone: string;
}

/** The (id, phone) pairs of one item; one ID with several phones means the same message to each. */
export function readMessageRefs(this: IExecuteFunctions, itemIndex: number): MessageRef[] {
	const ids = splitList(this.getNodeParameter('messageId', itemIndex, ''));
	const phones = splitList(this.getNodeParameter('phones', itemIndex, ''));
	const fail = refuseItem(this, itemIndex);
	if (ids.length === 0) fail(emptyField('Message ID', 'Use the ID that Send returned.'));
	if (phones.length === 0)
		fail(emptyField('Phone Numbers', 'Enter the recipient the message was sent to.'));
	if (ids.length > 1 && ids.length !== phones.length) {
		fail(
			`${ids.length} message IDs but ${phones.length} phone numbers: give one ID, or one ID per phone in the same order.`,
		);
	}
	return phones.map((raw, index) => {
		const phone = parsePhone.call(this, raw, itemIndex, 'Phone Numbers', true);
		const id = ids.length === 1 ? ids[0] : ids[index];
		if (!isMessageId(id)) fail(`"${id}" is not a message ID.`);
		return { id, phone };
	});
}

/**
 * status.php takes comma lists in matching order; a trailing comma asks for the list answer even
 * for one message, so every answer has the same shape.
 */
export function refParams(refs: MessageRef[]): { id: string; phone: string } {
	return {
		id: `${refs.map((ref) => ref.id).join(',')},`,
		phone: `${refs.map((ref) => ref.phone).join(',')},`,
	};
}
