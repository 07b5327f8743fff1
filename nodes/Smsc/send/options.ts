import type { INodeProperties } from 'n8n-workflow';

import { FREQ_MINUTES, PERIOD_HOURS } from '../../shared/smsc/rules';
import { sendSenderLocator } from '../descriptions/locators';
import { CHANNELS, channelsShowing } from './channels';
import type { Channel, ChannelRow } from './channels';

/** Send options that only some channels use; every other option applies to all of them. */
export type ChannelOption = 'maxParts' | 'translit' | 'shortenLinks';

/**
 * Which channels each such option belongs to: parts and translit are about SMS parts (a voice
 * call, an HLR lookup, a ping or an e-mail has none); short links need a text a person reads.
 */
const OPTION_CHANNELS: Record<ChannelOption, (row: ChannelRow, channel: Channel) => boolean> = {
	maxParts: (row) => row.smsParts,
	translit: (row) => row.smsParts,
	shortenLinks: (row, channel) =>
		row.text !== undefined && !['bin', 'call', 'push'].includes(channel),
};

/** The channels whose Options offer this option. */
export function channelsOffering(option: ChannelOption): Channel[] {
	return (Object.keys(CHANNELS) as Channel[]).filter((channel) =>
		OPTION_CHANNELS[option](CHANNELS[channel] as ChannelRow, channel),
	);
}

/** Send options shared by Send and Get Cost; output options show for Send only. */
export const sendOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Captcha Code',
			name: 'captchaCode',
			type: 'string',
			default: '',
			description:
				'The captcha text the visitor typed on your web form; SMSC checks it for Visitor IP Address (set both)',
		},
		{
			displayName: 'Client Message ID',
			name: 'clientId',
			type: 'string',
			default: '',
			placeholder: 'e.g. order-1042',
			description:
				'Your own ID for the message: a number from 1 to 2147483647, or up to 40 letters, digits and . - _. Items with different IDs are never batched together.',
		},
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			default: '',
			description:
				'A note kept in the SMSC message history only; recipients never see it and it costs nothing',
		},
		{
			displayName: 'Confirm Number Every (Days)',
			name: 'confirmEveryDays',
			type: 'number',
			typeOptions: { minValue: 10, maxValue: 999 },
			default: 30,
			description:
				'SMSC hides the text sent and warns that the number needs confirming again when it was last confirmed more than this many days ago (SMSC "smsreq")',
		},
		{
			displayName: 'Cost Reporting',
			name: 'costReport',
			type: 'options',
			default: 0,
			description: 'Whether to add the price of the message, and the new balance, to the output',
			displayOptions: { show: { '/operation': ['send'] } },
			options: [
				{ name: 'Cost', value: 2 },
				{ name: 'Cost and New Balance', value: 3 },
				{ name: 'None', value: 0 },
			],
		},
		{
			displayName: 'File URL',
			name: 'fileUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/greeting.mp3',
			description:
				'The full http(s) address of a file SMSC downloads and sends with the message (at least 101 bytes), e.g. a recording for a voice call or a picture for an e-mail',
		},
		{
			displayName: 'Hour Window',
			name: 'hourWindow',
			type: 'string',
			default: '',
			placeholder: 'e.g. 9-21',
			description:
				'Send only between these hours, as "h1-h2": before h1 the message waits until h1, after h2 until h1 the next day',
		},
		{
			displayName: 'Max SMS Parts',
			name: 'maxParts',
			displayOptions: { show: { '/channel': channelsOffering('maxParts') } },
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description:
				'Max number of parts a long message may be split into; a longer text is cut to fit',
		},
		{
			displayName: 'Per-Recipient Details',
			name: 'perRecipient',
			type: 'boolean',
			default: false,
			description:
				'Whether to add the status, network code and cost of every recipient to the output',
			displayOptions: { show: { '/operation': ['send'] } },
		},
		{
			displayName: 'Report Wrong Numbers',
			name: 'wrongNumbers',
			type: 'boolean',
			default: false,
			description:
				'Whether to add the numbers SMSC refused, with their status and error code, to the output (SMSC "err")',
			displayOptions: { show: { '/operation': ['send'] } },
		},
		{
			displayName: 'Send After (Minutes)',
			name: 'delayMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description: 'Send this many minutes from now',
		},
		{
			displayName: 'Send At',
			name: 'sendAt',
			type: 'dateTime',
			default: '',
			description: 'When to send the message; a time in the past sends it at once',
		},
		// an e-mail goes out from Sender Email; a sender name would be ignored there
		sendSenderLocator({ hide: { '/channel': channelsShowing('senderEmail') } }),
		{
			displayName: 'Shorten Links',
			name: 'shortenLinks',
			displayOptions: { show: { '/channel': channelsOffering('shortenLinks') } },
			type: 'boolean',
			default: false,
			description: 'Whether SMSC replaces links in the text with short ones that count clicks',
		},
		{
			displayName: 'Spread Over (Hours)',
			name: 'period',
			type: 'number',
			typeOptions: { minValue: PERIOD_HOURS.min, maxValue: PERIOD_HOURS.max, numberPrecision: 1 },
			default: 1,
			description:
				'Spread the sending to a group or many numbers evenly over this many hours (with Spread Step)',
		},
		{
			displayName: 'Spread Step (Minutes)',
			name: 'freq',
			type: 'number',
			typeOptions: { minValue: FREQ_MINUTES.min, maxValue: FREQ_MINUTES.max },
			default: 10,
			description: 'When spreading, send the next share of recipients every this many minutes',
		},
		{
			displayName: 'Time Zone (Hours From Moscow)',
			name: 'tz',
			type: 'string',
			default: '',
			placeholder: 'e.g. -1',
			description:
				'The time zone of Hour Window, in hours from Moscow time from -15 to 11, e.g. -1 for Kaliningrad or 2 for Yekaterinburg. Empty: the zone set in the SMSC account.',
		},
		{
			displayName: 'Translit',
			name: 'translit',
			displayOptions: { show: { '/channel': channelsOffering('translit') } },
			type: 'options',
			default: 0,
			description:
				'Whether SMSC rewrites Cyrillic text in Latin letters, which makes long messages cheaper',
			options: [
				{ name: 'Look-Alike Latin (MpaHc/Ium)', value: 2 },
				{ name: 'No', value: 0 },
				{ name: 'Translit', value: 1 },
			],
		},
		{
			displayName: 'Validity',
			name: 'valid',
			// "the lifetime of an SMS message: how long the operator tries to deliver it" (SMSC page
			// "Відправка SMS-повідомлення", `valid`): an e-mail has no operator
			displayOptions: { hide: { '/channel': channelsShowing('emails') } },
			type: 'string',
			default: '24',
			placeholder: 'e.g. 00:05',
			description:
				'How long the operator keeps trying to deliver the message: whole hours from 1 to 24, or hh:mm from 00:01 to 24:00 (e.g. 00:05 for a one-time code)',
		},
		{
			displayName: 'Visitor IP Address',
			name: 'userIp',
			type: 'string',
			default: '',
			placeholder: 'e.g. 203.0.113.5',
			description:
				'For codes requested on your web form: the visitor\'s IP address, so the per-IP daily limit set in the SMSC account applies (SMSC "userip")',
		},
	],
};
