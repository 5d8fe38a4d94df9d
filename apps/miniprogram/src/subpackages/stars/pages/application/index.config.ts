export default definePageConfig({ navigationBarTitleText: '创星申报详情' });
