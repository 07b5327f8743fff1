import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../shared/editor/options';
import { defineOperation } from '../operation';
import { readRegistration, registrationFields } from './registration';
import type { Registration } from './registration';
import { validateSenderName } from './senderName';
import { sendersCommand, sendersFields } from './senders';

/** SMSC's flags for registering a name with Russian operators (SMSC page "Управление именами отправителей"); each one needs no other field. */
const OPERATOR_FLAGS = [
	{ name: 'Beeline (Paid Name)', value: 'bee_step' },
	{ name: 'MegaFon (Paid Name)', value: 'mega_step' },
	{ name: 'MOTIV (Free-Names Tariff)', value: 'motiv' },
	{ name: 'MOTIV (Paid Name)', value: 'motiv_step' },
	{ name: 'MTS (Paid Name)', value: 'mts_step' },
	{ name: 'SberMobile (Free Name)', value: 'sber_step' },
	{ name: 'Tele2 (Free-Names Tariff)', value: 'tele2' },
	{ name: 'Tele2 (Paid Name)', value: 'tele2_step' },
	{ name: 'Volna Mobile (Paid Name)', value: 'volnamob_step' },
	{ name: 'Win Mobile (Paid Name)', value: 'winmob_step' },
];

const properties: INodeProperties[] = sendersFields([
	{
		displayName: 'Sender Type',
		name: 'senderType',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'E-Mail Address',
				value: 'email',
				description: 'An address e-mail messages are sent from',
			},
			{
				name: 'SMS Sender Name',
				value: 'name',
				description: 'Up to 11 Latin letters, digits and symbols, or a number of up to 15 digits',
			},
		],
		default: 'name',
	},
	{
		displayName: 'Sender Name',
		name: 'senderName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. MyShop',
		displayOptions: { show: { senderType: ['name'] } },
		description:
			'The name recipients see instead of a phone number. SMSC moderates it before it can be used; a phone number used as a name must also be confirmed with Send Verification Code and Verify Code.',
	},
	{
		displayName: 'E-Mail Address',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { senderType: ['email'] } },
		description: 'The address e-mail messages will be sent from',
	},
	{
		displayName: 'Owner Name',
		name: 'ownerName',
		type: 'string',
		default: '',
		displayOptions: { show: { senderType: ['email'] } },
		description: 'Usually the name of the person or company the address belongs to',
	},
	additionalFieldsCollection([
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			default: '',
			description: 'A note for the SMSC moderator, e.g. what the name is used for',
		},
		{
			displayName: 'Operator Registration',
			name: 'operators',
			type: 'multiOptions',
			options: OPERATOR_FLAGS,
			default: [],
			description:
				'Russian mobile operators to register the name with; paid names are charged by SMSC. For Ukraine and Belarus use their own registration fields.',
		},
		...registrationFields,
	]),
]);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const senderType = this.getNodeParameter('senderType', itemIndex) as 'name' | 'email';
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as {
		comment?: string;
		operators?: string[];
	} & Registration;
	const isEmail = senderType === 'email';
	const sender = validateSenderName.call(
		this,
		String(this.getNodeParameter(isEmail ? 'email' : 'senderName', itemIndex, '')),
		isEmail ? 'email' : 'name',
		itemIndex,
	);
	const ownerName = isEmail ? String(this.getNodeParameter('ownerName', itemIndex, '')).trim() : '';
	const allowed = new Set(OPERATOR_FLAGS.map((flag) => flag.value));
	const operators = isEmail ? [] : (additional.operators ?? []).filter((flag) => allowed.has(flag));

	const registration = isEmail
		? { params: {}, files: [] }
		: await readRegistration.call(this, itemIndex, additional);

	const params: IDataObject = { add: 1, sender, cmt: additional.comment };
	if (isEmail) Object.assign(params, { mail: 1, name: ownerName });
	for (const flag of operators) params[flag] = 1;
	Object.assign(params, registration.params);

	const answer = await sendersCommand.call(
		this,
		itemIndex,
		params,
		{
			5: `SMSC could not register "${sender}": the name is already in the account (perhaps still waiting for moderation)`,
		},
		registration.files,
	);
	// GUESS (docs/fidelity.md): the senders page shows no answers; `{"id": n}` is assumed, as
	// phones.php answers a create. Any other answer is given as it came, never dropped.
	return {
		...(answer.id !== undefined && answer.id !== '' && !Number.isNaN(Number(answer.id))
			? { id: Number(answer.id) }
			: { smscAnswer: answer }),
		sender,
		type: senderType,
		...(additional.comment ? { comment: additional.comment } : {}),
		...(ownerName ? { ownerName } : {}),
		...(operators.length ? { operators } : {}),
		...(Object.keys(registration.params).length ? { registration: registration.params } : {}),
		...(registration.files.length ? { document: registration.files[0].fileName } : {}),
	};
}

export const create = defineOperation('senderName', 'create', properties, execute, {
	name: 'Create',
	description: 'Register a new sender name or e-mail sender for moderation',
	action: 'Create a sender name',
});
