// Korean messages of the shared form pieces (src/web/components/forms.tsx); spread into ../ko.ts.
export const formsKo = {
  formTranslations: '번역',
  formTranslationsNone: '없음',
  formTranslationsHint: '영어, 일본어, 중국어, 프랑스어는 선택 사항입니다. 번역이 없으면 한국어가 안내와 함께 표시됩니다.',
  formRowsEmpty: '아직 항목이 없습니다.',
  formMoveUp: '{item} 위로 이동',
  formMoveDown: '{item} 아래로 이동',
  formMoveUpShort: '위로',
  formMoveDownShort: '아래로',
  formRemoveRow: '{item} 삭제',
  formRemoveRowShort: '삭제',
  formErrorSummary: '입력 내용을 확인해 주세요 ({count}건)',
  formSearchResults: "검색 결과",
  formSearchNone: "찾는 항목이 없습니다.",
  formSearchMore: "{count}개 더 있습니다. 검색어를 더 입력하세요.",
  formNumberRange: '{min}~{max} 사이의 정수를 입력하세요.',
  formTooLong: '{max}자 이내로 입력하세요.',
};
