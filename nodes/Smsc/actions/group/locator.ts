import { NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';

import { isGroupId } from '../../../shared/smsc/rules';

/** A contact group picked from the account's groups or given by its ID (phones.php `grp`, SMSC page "Управление контактами"). */
export function groupLocator(description: string): INodeProperties {
	return {
		displayName: 'Group',
		name: 'group',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a group…',
				// Searchable: each search is a get_group request filtered here, and SMSC refuses the fourth
				// identical phones.php request within a minute (error 9). n8n's editor waits a second after
				// the last key and keeps each search's answer, so typing a name costs one request; the
				// error, if it comes, says to wait a minute.
				typeOptions: { searchListMethod: 'searchGroups', searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12345',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*\\d+\\s*$',
							errorMessage: 'The group ID is a whole number, e.g. 12345',
						},
					},
				],
			},
		],
	};
}

/** The group ID of a group locator (or of a plain value from an expression), refusing anything but a positive whole number. */
export function groupIdParam(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'group',
): number {
	const raw = this.getNodeParameter(parameter, itemIndex) as
		INodeParameterResourceLocator | string | number;
	const value = String((typeof raw === 'object' && raw !== null ? raw.value : raw) ?? '').trim();
	if (value === '') {
		throw new NodeOperationError(
			this.getNode(),
			'The Group is empty. Pick a group or enter its ID.',
			{ itemIndex },
		);
	}
	return parseGroupId.call(this, value, itemIndex);
}

/** A group ID typed anywhere (locator, filter, expression), refusing anything but a positive whole number. */
export function parseGroupId(this: IExecuteFunctions, value: string, itemIndex: number): number {
	if (!isGroupId(value)) {
		throw new NodeOperationError(
			this.getNode(),
			`The group ID "${value}" is not a positive whole number.`,
			{ itemIndex },
		);
	}
	return Number(value);
}
