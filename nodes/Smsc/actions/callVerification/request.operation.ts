import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { smscRequest } from '../../../shared/transport/request';
import { phoneField, phoneParam } from '../../descriptions/phone';
import { outputPhone } from '../../../shared/smsc/phones';
import { moscowIso } from '../../../shared/smsc/times';
import { outputsV2 } from '../version';
import { defineOperation } from '../operation';

/** The subscriber has 15 minutes to call the number SMSC hands out (SMSC page "Подтверждение номера телефона с помощью звонка"). */
const CALL_WINDOW_MS = 15 * 60 * 1000;

const properties: INodeProperties[] = [
	phoneField(
		"The subscriber's phone number to confirm, in international format. The subscriber must call the returned number from it within 15 minutes.",
	),
	{
		displayName:
			'SMSC answers with the number the subscriber must call. When the call arrives, SMSC records it as an incoming message with the text "[waitcall]" from the subscriber\'s number: catch it with the SMSC Trigger or the SMSC Poll Trigger to confirm the phone.',
		name: 'waitCallNotice',
		type: 'notice',
		default: '',
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const phone = phoneParam.call(this, itemIndex);
	const answer = (await smscRequest.call(
		this,
		'wait_call',
		{ phone },
		{ itemIndex },
	)) as IDataObject;
	const allPhones = Array.isArray(answer.all_phones) ? answer.all_phones.map(String) : [];
	const callTo = String(answer.phone ?? allPhones[0] ?? '');
	const expiresAt = new Date(Date.now() + CALL_WINDOW_MS);
	if (!outputsV2(this)) return { phone, callTo, allPhones, expiresAt: expiresAt.toISOString() };
	// version 2: phones as "+" and digits, the time as the package writes every time
	const asPhone = (value: string) => outputPhone(value) as string;
	return {
		phone: asPhone(phone),
		callTo: asPhone(callTo),
		allPhones: allPhones.map(asPhone),
		expiresAt: moscowIso(expiresAt.getTime()),
	};
}

export const request = defineOperation('callVerification', 'request', properties, execute, {
	name: 'Request',
	description:
		'Get a number the subscriber must call within 15 minutes to confirm their phone; the call arrives as an incoming "[waitcall]" message',
	action: 'Request a call verification',
});
