// Regulation catalogue import (precedent search page, ministry officials): a CSV or JSON file, all or nothing.
export const regulationImportKo = {
  riTitle: '규제 목록 가져오기',
  riLead: 'CSV 또는 JSON 파일의 규정을 한꺼번에 규제 목록에 추가합니다. 한 행이라도 잘못되면 아무것도 저장하지 않고 문제를 행과 열별로 알려 드립니다.',
  riColumns: 'CSV 열(첫 행, 순서 무관): instrument, law_ko, article, paragraph, ministry, ministry_name_ko, title_ko, body_ko, effective_from, amendments, 그리고 각 _ko 열의 번역 _en·_ja·_zh·_fr. UTF-8(BOM 유무 무관).',
  riFile: 'CSV 또는 JSON 파일',
  riChoose: '파일을 고르세요.',
  riSubmit: '가져오기',
  riBusy: '가져오는 중…',
  riDone: '규정 {count}건을 추가했습니다.',
  riErrors: '가져오기 문제',
  riRow: '행',
  riColumn: '열',
  riProblem: '문제',
  riItem: '{n}번째 항목',
  riWholeRow: '행 전체',
};
