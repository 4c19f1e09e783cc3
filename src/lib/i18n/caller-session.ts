/** Caller screens' session texts (network, idle, confirmations): zh, en, ja and ko key for key. */
export const callerSessionZh = {
	offline: '网络已断开，正在自动重新连接… 短暂断开不会影响您的排队位置。',
	dropped: '由于较长时间没有连接，您已退出排队。如仍需办理，请重新选择事项。',
	ratingIdle: '{{seconds}} 秒内没有操作将返回首页（不评价）。',
	confirm: {
		startTitle: '开始视频连线？',
		startText: '办理事项：{{name}}。确认后为您排队连线工作人员。',
		start: '开始连线',
		back: '返回',
		leaveTitle: '取消排队？',
		leaveText: '取消后您将失去现在的排队位置。',
		leave: '确认取消排队',
		keepWaiting: '继续排队',
		hangUpTitle: '挂断通话？',
		hangUpText: '挂断后通话结束，无法恢复。',
		hangUp: '确认挂断',
		keepTalking: '继续通话'
	},
	transferring: '正在为您转接…',
	transferHelp: '工作人员正在把您转给更合适的同事，请稍候，不需要重新排队。',
	interpreterJoined: '手语翻译已加入',
	outcome: {
		heading: '办理结果',
		reference: '业务编号：{{ref}}（咨询时请提供）',
		codes: {
			done: '已办结',
			accepted: '已受理，正在办理中',
			need_docs: '还需要补充材料',
			referred: '需要到线下窗口办理',
			booked: '已为您预约办理时间',
			info: '已为您解答咨询',
			not_done: '这次没能办成，工作人员会跟进联系您'
		},
		next: {
			need_docs: '请按工作人员的说明准备补充材料，邮寄或带到办事窗口。',
			referred: '请带上身份证件到{{department}}的办事窗口办理。',
			booked: '请在预约的时间到任一政务晓屋或用手机办理。',
			not_done: '“办不成事”窗口会在工作日内与您联系。',
			mail: '办理结果将免费邮寄到您登记的地址。'
		}
	}
};

export const callerSessionEn: typeof callerSessionZh = {
	offline:
		'No network connection, reconnecting… A short drop does not lose your place in the queue.',
	dropped:
		'You left the queue because the connection was lost for too long. Choose your matter again to call.',
	ratingIdle: 'With no touch in {{seconds}} s the screen returns to the start (no rating).',
	confirm: {
		startTitle: 'Start the video call?',
		startText: 'Matter: {{name}}. You then join the queue for an agent.',
		start: 'Start the call',
		back: 'Back',
		leaveTitle: 'Leave the queue?',
		leaveText: 'You lose your place in the queue.',
		leave: 'Yes, leave the queue',
		keepWaiting: 'Keep waiting',
		hangUpTitle: 'Hang up?',
		hangUpText: 'The call ends and cannot be resumed.',
		hangUp: 'Yes, hang up',
		keepTalking: 'Keep talking'
	},
	transferring: 'Transferring you…',
	transferHelp:
		'The agent is passing you to a better-placed colleague. Please wait; you keep your place.',
	interpreterJoined: 'A sign-language interpreter has joined',
	outcome: {
		heading: 'Outcome',
		reference: 'Reference number: {{ref}} (quote it if you ask about this matter)',
		codes: {
			done: 'Done',
			accepted: 'Accepted and being processed',
			need_docs: 'More documents are needed',
			referred: 'To be completed at a service window',
			booked: 'An appointment has been booked for you',
			info: 'Your question has been answered',
			not_done: 'It could not be done this time; staff will contact you'
		},
		next: {
			need_docs: 'Prepare the documents the agent named and mail them or bring them to a window.',
			referred: 'Bring your ID to a service window of {{department}}.',
			booked: 'Come to any service booth, or use your phone, at the booked time.',
			not_done: 'The follow-up desk will contact you within working days.',
			mail: 'The results will be mailed to you free of charge.'
		}
	}
};

export const callerSessionJa: typeof callerSessionZh = {
	offline: 'ネットワークが切断されました。再接続しています… 短い切断では順番は失われません。',
	dropped: '接続が長く途切れたため、待ち列から外れました。もう一度ご用件を選んでください。',
	ratingIdle: '{{seconds}} 秒間操作がないと最初の画面に戻ります（評価なし）。',
	confirm: {
		startTitle: 'ビデオ通話を始めますか？',
		startText: 'ご用件：{{name}}。確認すると担当者の待ち列に並びます。',
		start: '通話を始める',
		back: '戻る',
		leaveTitle: '待ち列から外れますか？',
		leaveText: '今の順番はなくなります。',
		leave: 'はい、外れます',
		keepWaiting: '待ち続ける',
		hangUpTitle: '通話を終了しますか？',
		hangUpText: '通話は終了し、再開できません。',
		hangUp: 'はい、終了します',
		keepTalking: '通話を続ける'
	},
	transferring: 'おつなぎしています…',
	transferHelp: '担当者がより適切な係につないでいます。順番はそのままですので、お待ちください。',
	interpreterJoined: '手話通訳者が参加しました',
	outcome: {
		heading: '手続きの結果',
		reference: '受付番号：{{ref}}（お問い合わせの際にお伝えください）',
		codes: {
			done: '完了しました',
			accepted: '受理され、手続き中です',
			need_docs: '追加の書類が必要です',
			referred: '窓口での手続きが必要です',
			booked: '手続きの予約をしました',
			info: 'ご質問にお答えしました',
			not_done: '今回は手続きできませんでした。担当者からご連絡します'
		},
		next: {
			need_docs: '担当者の説明どおりに書類を用意し、郵送するか窓口へお持ちください。',
			referred: '身分証明書をお持ちのうえ、{{department}}の窓口へお越しください。',
			booked: '予約の時間に、お近くのブースまたはスマートフォンでご利用ください。',
			not_done: 'フォローアップ窓口から営業日内にご連絡します。',
			mail: '結果は無料で郵送されます。'
		}
	}
};

export const callerSessionKo: typeof callerSessionZh = {
	offline: '네트워크 연결이 끊겼습니다. 다시 연결하는 중… 잠깐 끊겨도 대기 순서는 유지됩니다.',
	dropped: '연결이 오래 끊겨 대기열에서 나갔습니다. 다시 업무를 선택해 주세요.',
	ratingIdle: '{{seconds}}초 동안 조작이 없으면 처음 화면으로 돌아갑니다(평가 안 함).',
	confirm: {
		startTitle: '영상 통화를 시작할까요?',
		startText: '업무: {{name}}. 확인하면 상담원 대기열에 들어갑니다.',
		start: '통화 시작',
		back: '뒤로',
		leaveTitle: '대기열에서 나갈까요?',
		leaveText: '지금의 대기 순서가 없어집니다.',
		leave: '네, 나갑니다',
		keepWaiting: '계속 기다리기',
		hangUpTitle: '통화를 끊을까요?',
		hangUpText: '통화가 끝나며 다시 이어갈 수 없습니다.',
		hangUp: '네, 끊습니다',
		keepTalking: '통화 계속하기'
	},
	transferring: '연결을 옮기는 중입니다…',
	transferHelp:
		'상담원이 더 적합한 동료에게 연결하고 있습니다. 순서는 유지되니 잠시 기다려 주세요.',
	interpreterJoined: '수어 통역사가 참여했습니다',
	outcome: {
		heading: '처리 결과',
		reference: '접수 번호: {{ref}} (문의 시 알려 주세요)',
		codes: {
			done: '처리 완료',
			accepted: '접수되어 처리 중입니다',
			need_docs: '추가 서류가 필요합니다',
			referred: '창구에서 처리해야 합니다',
			booked: '처리 예약이 되었습니다',
			info: '문의에 답변해 드렸습니다',
			not_done: '이번에는 처리하지 못했습니다. 담당자가 연락드립니다'
		},
		next: {
			need_docs: '상담원이 안내한 서류를 준비해 우편으로 보내거나 창구로 가져오세요.',
			referred: '신분증을 가지고 {{department}} 창구를 방문해 주세요.',
			booked: '예약 시간에 가까운 부스나 휴대전화로 이용해 주세요.',
			not_done: '후속 처리 창구에서 영업일 내에 연락드립니다.',
			mail: '결과는 무료로 우편 발송됩니다.'
		}
	}
};
