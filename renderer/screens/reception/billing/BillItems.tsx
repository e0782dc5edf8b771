import {
  Box,
  Button,
  Heading,
  IconButton,
  Input,
  NativeSelect,
  SimpleGrid,
  Table,
  Text,
} from '@chakra-ui/react';
import { useState } from 'react';
import type { Bill } from '@shared/domain/billing.schema';
import { useApiMutation } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { ITEM_KIND_LABELS, money, readAmount } from './bill-format';

type Kind = keyof typeof ITEM_KIND_LABELS;

/** The bill's items, and a form to add procedures, tests and medicines. */
export function BillItems({ bill, hasPayments }: { bill: Bill; hasPayments: boolean }) {
  const remove = useApiMutation('billing.removeItem');
  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4" as="section" aria-label="Items">
      <Heading as="h2" size="md" mb="3">
        Items
      </Heading>
      {bill.items.length === 0 ? (
        <Text color="fg.muted" mb="3">
          No items yet.
        </Text>
      ) : (
        <Table.Root size="sm" aria-label="Bill items" mb="3">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader>Item</Table.ColumnHeader>
              <Table.ColumnHeader textAlign="end">Qty</Table.ColumnHeader>
              <Table.ColumnHeader textAlign="end">Unit price</Table.ColumnHeader>
              <Table.ColumnHeader textAlign="end">Amount</Table.ColumnHeader>
              {!hasPayments && (
                <Table.ColumnHeader>
                  <Text srOnly>Remove</Text>
                </Table.ColumnHeader>
              )}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {bill.items.map((item) => (
              <Table.Row key={item.id}>
                <Table.Cell>
                  {item.description}
                  <Text color="fg.muted" fontSize="xs">
                    {ITEM_KIND_LABELS[item.kind]}
                  </Text>
                </Table.Cell>
                <Table.Cell textAlign="end">{item.quantity}</Table.Cell>
                <Table.Cell textAlign="end">{money(item.unitPrice, bill.currency)}</Table.Cell>
                <Table.Cell textAlign="end">
                  {money(item.unitPrice * item.quantity, bill.currency)}
                </Table.Cell>
                {!hasPayments && (
                  <Table.Cell textAlign="end">
                    <IconButton
                      size="xs"
                      variant="ghost"
                      aria-label={`Remove ${item.description}`}
                      loading={remove.isPending && remove.variables.itemId === item.id}
                      onClick={() => remove.mutate({ billId: bill.id, itemId: item.id })}
                    >
                      ✕
                    </IconButton>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      )}
      <ErrorMessage error={remove.error} />
      <AddItemForm bill={bill} />
    </Box>
  );
}

function AddItemForm({ bill }: { bill: Bill }) {
  const [kind, setKind] = useState<Kind>('procedure');
  const [description, setDescription] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [price, setPrice] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const add = useApiMutation('billing.addItems', {
    onSuccess: () => {
      setDescription('');
      setQuantity('1');
      setPrice('');
    },
  });
  const submit = () => {
    const amount = readAmount(price, bill.currency);
    const qty = Number(quantity);
    const next: Record<string, string> = {};
    if (!description.trim()) next.description = 'Describe the item';
    if (!Number.isInteger(qty) || qty < 1) next.quantity = 'A whole number of at least 1';
    if (!amount.ok) next.price = amount.message;
    else if (amount.minor < 0) next.price = 'The price cannot be negative';
    setProblems(next);
    if (Object.keys(next).length > 0 || !amount.ok) return;
    add.mutate({
      billId: bill.id,
      items: [
        {
          id: crypto.randomUUID(),
          kind,
          description: description.trim(),
          quantity: qty,
          unitPrice: amount.minor,
        },
      ],
    });
  };
  const err = (name: string) => (problems[name] ? { type: 'client', message: problems[name] } : undefined);
  return (
    <form
      aria-label="Add an item"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <SimpleGrid columns={{ base: 2, md: 5 }} gap="2" alignItems="end">
        <FormField label="Kind">
          <NativeSelect.Root size="sm">
            <NativeSelect.Field value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {(Object.keys(ITEM_KIND_LABELS) as Kind[]).map((k) => (
                <option key={k} value={k}>
                  {ITEM_KIND_LABELS[k]}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </FormField>
        <FormField label="Description" error={err('description')}>
          <Input size="sm" value={description} onChange={(e) => setDescription(e.target.value)} />
        </FormField>
        <FormField label="Quantity" error={err('quantity')}>
          <Input
            size="sm"
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
        </FormField>
        <FormField label="Unit price (₹)" error={err('price')}>
          <Input size="sm" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
        </FormField>
        <Button size="sm" type="submit" variant="outline" loading={add.isPending}>
          Add item
        </Button>
      </SimpleGrid>
      <Box mt="2">
        <ErrorMessage error={add.error} />
      </Box>
    </form>
  );
}
