import { NodeOperationError } from 'n8n-workflow';
import type {
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';

import { emptyField, isPositiveId } from '../../shared/smsc/rules';

interface LocatorSpec {
	displayName: string;
	name: string;
	description: string;
	required?: boolean;
	displayOptions?: IDisplayOptions;
	/** the list: its placeholder and the listSearch method in methods/ that fills it */
	list: { placeholder: string; searchListMethod: string };
	/** the modes where the value is typed: a name, an ID or a group number */
	modes: INodePropertyMode[];
}

/**
 * A resource locator: a searchable list from the account, then the modes where the value is typed.
 * Searchable: each search is one request filtered here, and SMSC refuses the fourth identical
 * phones.php request within a minute (error 9). n8n's editor waits a second after the last key and
 * keeps each search's answer, so typing a name costs one request.
 */
export function resourceLocator(spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(spec.required ? { required: true } : {}),
		description: spec.description,
		...(spec.displayOptions ? { displayOptions: spec.displayOptions } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: spec.list.placeholder,
				typeOptions: { searchListMethod: spec.list.searchListMethod, searchable: true },
			},
			...spec.modes,
		],
	};
}

/** The editor's check of a typed ID or number: a whole number (after `prefix`), refused before the run. */
function wholeNumber(
	what: string,
	example = '12345',
	prefix = '',
): INodePropertyMode['validation'] {
	return [
		{
			type: 'regex',
			properties: {
				regex: `^\\s*${prefix}\\d+\\s*$`,
				errorMessage: `The ${what} is a whole number, e.g. ${example}`,
			},
		},
	];
}

/** A contact group picked from the account's groups or given by its ID (phones.php `grp`, SMSC page "Управление контактами"). */
export function groupLocator(description: string): INodeProperties {
	return resourceLocator({
		displayName: 'Group',
		name: 'group',
		description,
		required: true,
		list: { placeholder: 'Select a group…', searchListMethod: 'searchGroups' },
		modes: [
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12345',
				validation: wholeNumber('group ID'),
			},
		],
	});
}

/** The group a message goes to, valued by its number (`G<number>` in send.php, SMSC page "Відправка SMS-повідомлення"). */
export function groupNumberLocator(displayOptions: IDisplayOptions): INodeProperties {
	return resourceLocator({
		displayName: 'Contact Group',
		name: 'group',
		description: 'The contact group whose members receive the message',
		required: true,
		displayOptions,
		list: { placeholder: 'Select a group…', searchListMethod: 'searchGroupNumbers' },
		modes: [
			{
				displayName: 'Number',
				name: 'number',
				type: 'string',
				placeholder: 'e.g. 5',
				validation: wholeNumber('group number', '5', '[Gg]?'),
			},
		],
	});
}

/** The sender name an update or delete acts on: picked from the list, typed, or by id. */
export function senderLocator(description: string): INodeProperties {
	return resourceLocator({
		displayName: 'Sender Name',
		name: 'sender',
		description,
		required: true,
		list: { placeholder: 'Select an active sender name…', searchListMethod: 'searchSenderNames' },
		modes: [
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. MyShop' },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12345',
				validation: wholeNumber('sender name ID'),
			},
		],
	});
}

/**
 * The Send's Sender Name: a resource locator, not an options field, because n8n's editor shows an
 * options field's loading error as "[object Object]", while a list search shows the error's own
 * text. An empty value is also valid here, where an options field marks "" as unsupported.
 */
export function sendSenderLocator(displayOptions: IDisplayOptions): INodeProperties {
	return resourceLocator({
		displayName: 'Sender Name',
		name: 'sender',
		description:
			'Name shown to the recipient. The list has only the names SMSC has approved for the account; a new name appears once the moderator approves it.',
		displayOptions,
		list: { placeholder: 'Select an approved sender name…', searchListMethod: 'searchSenderNames' },
		modes: [{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. MyShop' }],
	});
}

/** A locator's mode and trimmed value; a plain value (an expression, an older workflow) has no mode. */
export function locatorValue(raw: unknown): { mode?: string; value: string } {
	if (typeof raw === 'object' && raw !== null) {
		const { mode, value } = raw as { mode?: unknown; value?: unknown };
		return { mode: typeof mode === 'string' ? mode : undefined, value: String(value ?? '').trim() };
	}
	return { value: String(raw ?? '').trim() };
}

/** The one check of an ID typed anywhere (a locator, a filter, a list of groups), and its error text. */
export function positiveId(
	this: IExecuteFunctions,
	what: 'group' | 'sender name',
	value: string,
	itemIndex: number,
): number {
	if (!isPositiveId(value)) {
		throw new NodeOperationError(
			this.getNode(),
			`The ${what} ID "${value}" is not a positive whole number.`,
			{ itemIndex },
		);
	}
	return Number(value);
}

/** The group ID of a group locator (or of a plain value from an expression). */
export function groupIdParam(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'group',
): number {
	const { value } = locatorValue(this.getNodeParameter(parameter, itemIndex));
	if (value === '') {
		throw new NodeOperationError(
			this.getNode(),
			emptyField('Group', 'Pick a group or enter its ID.'),
			{ itemIndex },
		);
	}
	return positiveId.call(this, 'group', value, itemIndex);
}

/** The sender locator as SMSC's `sender=` or `id=` parameter; a plain value is a name. */
export function senderParam(
	this: IExecuteFunctions,
	itemIndex: number,
): { id: number } | { sender: string } {
	const { mode, value } = locatorValue(this.getNodeParameter('sender', itemIndex));
	if (value === '') {
		throw new NodeOperationError(
			this.getNode(),
			emptyField('Sender Name', 'Pick a sender name, or enter its name or ID.'),
			{ itemIndex },
		);
	}
	if (mode === 'id') return { id: positiveId.call(this, 'sender name', value, itemIndex) };
	return { sender: value };
}
