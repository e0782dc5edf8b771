import { Route, Routes } from 'react-router';
import { BillDetailScreen } from './BillDetailScreen';
import { BillListScreen } from './BillListScreen';

/** Billing (docs/product.md §9): `/billing` lists bills and the day's collection; `/billing/:id` is one bill. */
export function BillingScreen() {
  return (
    <Routes>
      <Route index element={<BillListScreen />} />
      <Route path=":id" element={<BillDetailScreen />} />
    </Routes>
  );
}
