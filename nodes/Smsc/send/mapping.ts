import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { splitList } from '../../shared/smsc/phones';
import type { ChannelItem } from './channelReaders';
import type { ChannelRow } from './channels';
import { channelsShowing } from './channels';
import type { ItemParameters } from './itemParameters';

/** Send and Get Cost read recipients and text from parameters (expressions) or from the item. */
export const MAP_BELOW = 'defineBelow';
export const MAP_AUTOMATICALLY = 'autoMapInputData';

/** Only the fields Map Each Field Below shows: recipients and text typed or written as expressions. */
export const mappedBelow = { dataMode: [MAP_BELOW] };

const textChannels = [
	...new Set([
		...channelsShowing('message'),
		...channelsShowing('optionalMessage'),
		...channelsShowing('codeOrMessage'),
	]),
];

/**
 * The mapping mode and the names of the item's fields it reads. Like the data mode of n8n's
 * database and spreadsheet nodes: an item's field is read by name, with no expression to evaluate
 * per item, which is most of what a Send of many items costs in n8n.
 */
export const mappingFields: INodeProperties[] = [
	{
		displayName: 'Mapping',
		name: 'dataMode',
		type: 'options',
		noDataExpression: true,
		default: MAP_BELOW,
		description: 'Where the recipients and the text of each message come from',
		options: [
			{
				name: 'Map Each Field Below',
				value: MAP_BELOW,
				description: 'Enter them below, with expressions that read each item',
			},
			{
				name: 'Map Automatically',
				value: MAP_AUTOMATICALLY,
				description:
					"Take them from each input item's fields of the names given; much faster for thousands of items",
			},
		],
	},
	{
		displayName: 'Recipients Field',
		name: 'recipientField',
		type: 'string',
		required: true,
		default: 'phone',
		placeholder: 'e.g. phone',
		description:
			'The name of the input field that holds the phone numbers (for E-Mail: the addresses): one, several separated by commas, or an array',
		displayOptions: { show: { dataMode: [MAP_AUTOMATICALLY], recipientType: ['phones'] } },
	},
	{
		displayName: 'Text Field',
		name: 'textField',
		type: 'string',
		required: true,
		default: 'message',
		placeholder: 'e.g. message',
		description: 'The name of the input field that holds the text to send',
		displayOptions: { show: { dataMode: [MAP_AUTOMATICALLY], channel: textChannels } },
	},
];

/**
 * For Map Automatically, the parameters the item's own fields stand in for, by parameter name;
 * undefined in the default mode. The field names hold no expression in practice, so the cache
 * reads them once per run.
 */
export function mappedParameters(
	parameters: ItemParameters,
	itemIndex: number,
): Record<string, string> | undefined {
	if (parameters.get<string>('dataMode', itemIndex, MAP_BELOW) !== MAP_AUTOMATICALLY)
		return undefined;
	const recipients = String(parameters.get<string>('recipientField', itemIndex, 'phone')).trim();
	const text = String(parameters.get<string>('textField', itemIndex, 'message')).trim();
	return { phones: recipients, emails: recipients, message: text };
}

/**
 * The value of the item's field `field`, refused when it is missing or empty so the error names
 * the field. An empty text is let through for a channel whose text is optional (its own check
 * decides, as in the default mode).
 */
export function readInputField(
	context: IExecuteFunctions,
	item: ChannelItem & { itemIndex: number; row: ChannelRow },
	parameter: string,
	field: string,
): unknown {
	const json = context.getInputData()[item.itemIndex]?.json ?? {};
	const value = fieldValue(json, field);
	const setting = parameter === 'message' ? 'Text Field' : 'Recipients Field';
	if (value === undefined || value === null) {
		item.fail(
			`The item has no field "${field}".`,
			`Map Automatically reads this from the input field named in ${setting}: enter the name your data uses, or rename the field in an earlier node.`,
		);
	}
	if (typeof value === 'object' && !Array.isArray(value))
		item.fail(`The field "${field}" of the item holds an object, not ${what(parameter)}.`);
	const optional = parameter === 'message' && item.row.fields.includes('optionalMessage');
	const empty =
		parameter === 'message' ? String(value).trim() === '' : splitList(value).length === 0;
	if (empty && !optional)
		item.fail(`The field "${field}" of the item is empty.`, `It must hold ${what(parameter)}.`);
	return value;
}

function what(parameter: string): string {
	if (parameter === 'message') return 'the text to send';
	if (parameter === 'emails') return 'one or more e-mail addresses';
	return 'one or more phone numbers';
}

/** A top-level field by its name, else a nested one by a dotted path (e.g. contact.phone). */
function fieldValue(json: IDataObject, field: string): unknown {
	if (field in json) return json[field];
	if (!field.includes('.')) return undefined;
	let value: unknown = json;
	for (const key of field.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}
