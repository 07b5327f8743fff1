import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parsePhone } from '../../shared/smsc/phones';

/** The one number an operation acts on (phones.php, wait_call.php `phone`). */
export function phoneField(description: string): INodeProperties {
	return {
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +79991234567',
		description,
	};
}

/** The Phone field of an item, checked and cleaned the way SMSC expects it. */
export function phoneParam(this: IExecuteFunctions, itemIndex: number): string {
	return parsePhone.call(this, this.getNodeParameter('phone', itemIndex, ''), itemIndex);
}
