import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The canvas shows a node's subtitle as it is; raw parameter values ("send: message",
 * "deliveryStatus") mean nothing to a reader, so subtitles look the words up.
 */

/** "Send a message" for the chosen resource and operation, from the operations' `action` texts. */
export function actionSubtitle(properties: INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const resource of property.displayOptions?.show?.resource ?? []) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				actions[`${String(resource)}.${String(option.value)}`] = option.action ?? option.name;
			}
		}
	}
	return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + "." + $parameter["operation"]] || "" }}`;
}

const EVENT_NAMES: Record<string, string> = {
	callVerification: 'Call Verification',
	deliveryStatus: 'Delivery Status',
	incomingMessage: 'Incoming Message',
	other: 'Other Callback',
};

/** The chosen events of either trigger by name, e.g. "Delivery Status, Incoming Message". */
export function eventsSubtitle(names: Record<string, string> = EVENT_NAMES): string {
	return `={{ ($parameter["events"] || []).map((e) => (${JSON.stringify(names)})[e] || e).join(", ") }}`;
}
