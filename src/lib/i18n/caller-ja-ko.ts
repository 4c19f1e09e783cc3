import type { callerZh } from './caller';

/** Caller texts in Japanese (kiosk and mobile only; staff pages stay zh-CN / en). */
export const callerJa: typeof callerZh = {
	title: '行政サービスブース · クラウド窓口',
	mobileTitle: 'クラウド窓口 · ビデオ相談',
	boothUnknown: 'この端末はサービスブースとして登録されていません',
	boothUnknownHelp:
		'登録時に発行された端末リンク（/booth?token=…）で一度このページを開くよう、係員にご依頼ください。',
	loading: '読み込み中…',
	retry: '再試行',
	back: '戻る',
	minutes: '約 {{count}} 分',
	lessThanMinute: '1 分未満',
	language: '言語',
	languageHelp: '話す言語を選んでください。画面の表示も切り替わります',
	needs: '必要なサポート',
	signLanguage: '手話を使います',
	elderly: '50 歳以上です / 手伝いが必要です',
	green: 'グリーンチャンネル',
	greenHelp: '障がいのある方・妊娠中の方・退役軍人の方を優先します',
	popular: 'よく使われる手続き',
	popularHelp: '手続きをタップするとビデオ通話が始まります',
	search: '手続きを検索',
	searchPlaceholder: '例：年金、営業許可、居住証',
	searching: '検索中…',
	noResults: '該当する手続きがありません。別の言葉で検索するか、部門から探してください',
	resultCount_one: '{{count}} 件の手続きが見つかりました',
	resultCount_other: '{{count}} 件の手続きが見つかりました',
	searchFailed: '現在検索できません。しばらくしてから再度お試しください',
	browse: '部門から探す',
	allDepartments: 'すべての部門',
	departmentMatters: '{{name}} の手続き',
	starting: '接続しています…',
	errors: {
		busy: 'このブースは通話中です。しばらくお待ちください。',
		rateLimited: 'リクエストが多すぎます。{{minutes}} 分後に再度お試しください。',
		network: 'サーバーに接続できません。ネットワークを確認して再度お試しください。',
		generic: '問題が発生しました。再度お試しいただくか、現地の係員にお尋ねください。'
	},
	waiting: {
		heading: '順番待ちに登録しました',
		position: 'あなたの前に {{ahead}} 人、あなたは {{position}} 番目です',
		first: 'あなたは 1 番目です。次があなたの番です',
		wait: '予想待ち時間：{{wait}}',
		offered: '担当者がまもなく応答します…',
		prepare: 'ご用意いただくもの',
		cancel: '順番待ちをやめる',
		cancelled: '順番待ちをやめました',
		longWait: '待ち時間が長くなっています。時間帯を予約して後で来ることもできます。',
		book: '時間帯を予約',
		booked:
			'予約しました：{{start}}–{{end}}、予約番号 {{id}}。その時間にお近くのブースかスマートフォンからご利用ください。',
		bookFailed: '予約できませんでした。再度お試しください',
		reconnecting: 'ネットワークが不安定です。再接続しています…',
		matter: '手続き：{{name}}'
	},
	camera: {
		preview: 'カメラのプレビュー',
		previewHelp: '顔が中央に映るように位置を調整してください',
		denied:
			'カメラまたはマイクの使用が許可されていません。アドレスバー左側の権限設定で許可してから「再試行」を押してください。カメラなしでも待ち続けられます。',
		notFound: 'カメラが見つかりません。このまま続けられます。担当者には声が聞こえます。',
		inUse: 'カメラが別のプログラムで使用中です。閉じてから再度お試しください。',
		failed: 'カメラを開けませんでした。再度お試しください。',
		off: 'カメラのプレビューはオフです'
	},
	call: {
		heading: 'ビデオ通話',
		connected: '接続しました',
		agent: '担当者：{{name}}',
		agentVideo: '担当者の映像',
		official: '当番責任者 {{name}} が通話に参加しました',
		self: 'あなた',
		videoUnavailable:
			'現在ビデオを利用できません。通話は続いています。担当者の案内に従ってください。',
		connecting: 'ビデオに接続しています…',
		reconnecting: 'ネットワークが不安定です。ビデオを再接続しています…',
		mute: 'ミュート',
		unmute: 'ミュート解除',
		muted: 'マイクはオフです',
		hangUp: '通話を終了',
		ended: '通話が終了しました'
	},
	rating: {
		heading: '今回のサービスにどの程度満足されましたか？',
		help: '評価は匿名で、お手続きには影響しません。',
		levels: { '5': 'とても満足', '4': '満足', '3': 'まあまあ満足', '2': '不満', '1': 'とても不満' },
		reasonsHeading: '何が問題でしたか？（複数選択可）',
		comment: 'その他のご意見（任意）',
		submit: '評価を送信',
		skip: 'スキップ',
		pickFirst: 'まず評価を選んでください',
		failed: '評価を送信できませんでした。再度お試しください',
		already: 'この通話はすでに評価済みです。ありがとうございました！'
	},
	reasons: {
		wait_long: '待ち時間が長すぎた',
		unclear: '説明が分かりにくかった',
		video_quality: '映像や音声が悪かった',
		not_solved: '問題が解決しなかった',
		attitude: '対応が不親切だった',
		asked_again: '書類を何度も求められた',
		other: 'その他'
	},
	thanks: {
		heading: 'ありがとうございました！',
		body: 'クラウド窓口をご利用いただきありがとうございました。',
		back: '{{seconds}} 秒後に最初の画面に戻ります',
		home: '最初の画面に戻る'
	},
	disinfect: {
		heading: '消毒中',
		body: '紫外線で消毒しています。入らないでください。約 {{seconds}} 秒で利用できます。'
	},
	closed: {
		heading: '現在は受付時間外です',
		opensAt: '次の受付開始：{{time}}',
		never: '受付時間が設定されていません。現地の係員にお尋ねください。',
		book: '今すぐ時間帯を予約できます。',
		bookFor: '予約：{{name}}'
	},
	offline: {
		heading: 'サーバーに接続できません',
		body: 'ネットワークまたはサーバーが利用できません。端末が自動で再試行します。',
		nextTry: '{{seconds}} 秒後に再試行します',
		now: '今すぐ再試行'
	},
	mobile: { resume: '順番待ちの位置を復元しています…' }
};

/** Caller texts in Korean (kiosk and mobile only). */
export const callerKo: typeof callerZh = {
	title: '행정 서비스 부스 · 클라우드 창구',
	mobileTitle: '클라우드 창구 · 화상 상담',
	boothUnknown: '이 기기는 서비스 부스로 등록되어 있지 않습니다',
	boothUnknownHelp:
		'등록 시 발급된 기기 링크(/booth?token=…)로 이 페이지를 한 번 열어 달라고 직원에게 요청해 주세요.',
	loading: '불러오는 중…',
	retry: '다시 시도',
	back: '뒤로',
	minutes: '약 {{count}}분',
	lessThanMinute: '1분 미만',
	language: '언어',
	languageHelp: '사용하시는 언어를 선택하세요. 화면 표시도 바뀝니다',
	needs: '필요한 도움',
	signLanguage: '수어를 사용합니다',
	elderly: '50세 이상입니다 / 도움이 필요합니다',
	green: '그린 채널',
	greenHelp: '장애인, 임산부, 퇴역 군인 우선',
	popular: '자주 찾는 업무',
	popularHelp: '업무를 누르면 화상 통화가 시작됩니다',
	search: '업무 검색',
	searchPlaceholder: '예: 연금, 영업 허가, 거주증',
	searching: '검색 중…',
	noResults: '일치하는 업무가 없습니다. 다른 단어로 검색하거나 부서별로 찾아보세요',
	resultCount_one: '업무 {{count}}건을 찾았습니다',
	resultCount_other: '업무 {{count}}건을 찾았습니다',
	searchFailed: '지금은 검색할 수 없습니다. 잠시 후 다시 시도해 주세요',
	browse: '부서별로 찾기',
	allDepartments: '모든 부서',
	departmentMatters: '{{name}} 업무',
	starting: '연결하는 중…',
	errors: {
		busy: '이 부스는 통화 중입니다. 잠시 기다려 주세요.',
		rateLimited: '요청이 너무 많습니다. {{minutes}}분 후에 다시 시도해 주세요.',
		network: '서버에 연결할 수 없습니다. 네트워크를 확인하고 다시 시도해 주세요.',
		generic: '문제가 발생했습니다. 다시 시도하시거나 현장 직원에게 문의해 주세요.'
	},
	waiting: {
		heading: '대기열에 등록되었습니다',
		position: '앞에 {{ahead}}명, 고객님은 {{position}}번째입니다',
		first: '고객님은 1번째입니다. 다음 차례입니다',
		wait: '예상 대기 시간: {{wait}}',
		offered: '상담원이 곧 응답합니다…',
		prepare: '준비해 주실 것',
		cancel: '대기 취소',
		cancelled: '대기를 취소했습니다',
		longWait: '대기 시간이 깁니다. 시간대를 예약하고 나중에 오실 수도 있습니다.',
		book: '시간대 예약',
		booked:
			'예약되었습니다: {{start}}–{{end}}, 예약 번호 {{id}}. 그 시간에 가까운 부스나 휴대폰으로 이용해 주세요.',
		bookFailed: '예약하지 못했습니다. 다시 시도해 주세요',
		reconnecting: '네트워크가 불안정합니다. 다시 연결하는 중…',
		matter: '업무: {{name}}'
	},
	camera: {
		preview: '카메라 미리보기',
		previewHelp: '얼굴이 가운데에 오도록 위치를 맞춰 주세요',
		denied:
			'카메라 또는 마이크 사용이 허용되지 않았습니다. 주소창 왼쪽의 권한 설정에서 허용한 뒤 "다시 시도"를 눌러 주세요. 카메라 없이도 계속 기다리실 수 있습니다.',
		notFound:
			'카메라를 찾을 수 없습니다. 그대로 계속하실 수 있으며 상담원은 음성을 들을 수 있습니다.',
		inUse: '다른 프로그램이 카메라를 사용 중입니다. 닫은 뒤 다시 시도해 주세요.',
		failed: '카메라를 열 수 없습니다. 다시 시도해 주세요.',
		off: '카메라 미리보기가 꺼져 있습니다'
	},
	call: {
		heading: '화상 통화',
		connected: '연결되었습니다',
		agent: '상담원: {{name}}',
		agentVideo: '상담원 영상',
		official: '당직 책임자 {{name}} 님이 통화에 참여했습니다',
		self: '나',
		videoUnavailable:
			'지금은 영상을 사용할 수 없습니다. 통화는 계속됩니다. 상담원의 안내에 따라 주세요.',
		connecting: '영상 연결 중…',
		reconnecting: '네트워크가 불안정합니다. 영상을 다시 연결하는 중…',
		mute: '음소거',
		unmute: '음소거 해제',
		muted: '마이크가 꺼져 있습니다',
		hangUp: '통화 종료',
		ended: '통화가 종료되었습니다'
	},
	rating: {
		heading: '이번 서비스에 얼마나 만족하셨습니까?',
		help: '평가는 익명이며 업무 처리에 영향을 주지 않습니다.',
		levels: { '5': '매우 만족', '4': '만족', '3': '보통', '2': '불만족', '1': '매우 불만족' },
		reasonsHeading: '무엇이 문제였나요? (복수 선택 가능)',
		comment: '기타 의견 (선택)',
		submit: '평가 보내기',
		skip: '건너뛰기',
		pickFirst: '먼저 평가를 선택해 주세요',
		failed: '평가를 보내지 못했습니다. 다시 시도해 주세요',
		already: '이 통화는 이미 평가되었습니다. 감사합니다!'
	},
	reasons: {
		wait_long: '너무 오래 기다렸습니다',
		unclear: '설명이 명확하지 않았습니다',
		video_quality: '영상이나 소리가 좋지 않았습니다',
		not_solved: '문제가 해결되지 않았습니다',
		attitude: '응대가 불친절했습니다',
		asked_again: '서류를 반복해서 요구받았습니다',
		other: '기타'
	},
	thanks: {
		heading: '감사합니다!',
		body: '클라우드 창구를 이용해 주셔서 감사합니다.',
		back: '{{seconds}}초 후 첫 화면으로 돌아갑니다',
		home: '첫 화면으로'
	},
	disinfect: {
		heading: '소독 중',
		body: '자외선 소독 중입니다. 들어오지 마세요. 약 {{seconds}}초 후 이용할 수 있습니다.'
	},
	closed: {
		heading: '지금은 운영 시간이 아닙니다',
		opensAt: '다음 운영 시작: {{time}}',
		never: '운영 시간이 정해져 있지 않습니다. 현장 직원에게 문의해 주세요.',
		book: '지금 시간대를 예약할 수 있습니다.',
		bookFor: '예약: {{name}}'
	},
	offline: {
		heading: '서버에 연결할 수 없습니다',
		body: '네트워크 또는 서버를 사용할 수 없습니다. 기기가 자동으로 다시 시도합니다.',
		nextTry: '{{seconds}}초 후 다시 시도합니다',
		now: '지금 다시 시도'
	},
	mobile: { resume: '대기 순서를 복원하는 중…' }
};
