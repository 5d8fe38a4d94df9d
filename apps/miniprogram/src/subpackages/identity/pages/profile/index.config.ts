export default definePageConfig({
  navigationBarTitleText: '修改姓名',
});
