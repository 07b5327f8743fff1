import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toNumber } from '../../../shared/smsc/numbers';
import { blank, inRange, ONE_OR_MORE, outOfRange } from '../../../shared/smsc/rules';

/** phones.php group `type` (SMSC page "Управление контактами"): 0 phone numbers, 1 e-mail addresses. */
export const GROUP_TYPES: Record<string, number> = { phone: 0, email: 1 };

export const groupTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{ name: 'E-Mail', value: 'email', description: 'A group of e-mail addresses' },
		{ name: 'Phone', value: 'phone', description: 'A group of phone numbers' },
	],
	default: 'phone',
};

export const groupNumberField: INodeProperties = {
	displayName: 'Number',
	name: 'number',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1,
	description:
		'The number used to send to the whole group: G and the number in a recipient list, e.g. G5. SMSC uses the group ID when it is not set.',
};

/**
 * A group number must be a positive whole number; SMSC's `num` has no other documented form. A
 * blank one (an expression of spaces, too) is no number.
 */
export function readGroupNumber(
	this: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): number | undefined {
	if (blank(value)) return undefined;
	if (!inRange(value, ONE_OR_MORE))
		throw new NodeOperationError(this.getNode(), outOfRange('Group Number', value, ONE_OR_MORE), {
			itemIndex,
		});
	return Number(value);
}

/** One group as the node outputs it: SMSC's fields (SMSC page "Управление контактами") with numbers as numbers, `cnt` spelled out. */
export function simplifyGroup(raw: IDataObject): IDataObject {
	return {
		id: toNumber(raw.id) ?? raw.id,
		name: String(raw.name ?? ''),
		number: toNumber(raw.number ?? raw.num),
		contactCount: toNumber(raw.cnt),
	};
}
