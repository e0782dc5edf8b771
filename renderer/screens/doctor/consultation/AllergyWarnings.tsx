import { Alert, List } from '@chakra-ui/react';

export interface AllergyWarningView {
  medicine: string;
  allergy: string;
  itemIndex: number;
  /** Why it matches ("Brufen contains ibuprofen"). */
  reason?: string;
}

/** The hub's allergy check of the saved prescription (docs/product.md §8), shown before signing. */
export function AllergyWarnings({ warnings }: { warnings: AllergyWarningView[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert.Root status="error" variant="outline" data-testid="allergy-warnings">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>Prescribed medicine matches a recorded allergy</Alert.Title>
        <Alert.Description>
          <List.Root ps="5">
            {warnings.map((w) => (
              <List.Item key={`${w.itemIndex}-${w.allergy}`}>
                {w.medicine} (medicine {w.itemIndex + 1}) — allergy: {w.allergy}
                {w.reason ? ` (${w.reason})` : ''}
              </List.Item>
            ))}
          </List.Root>
        </Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}
