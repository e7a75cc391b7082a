/**
 * Which element of a virtualized table shows which row. Each row shown goes to slot
 * `index % slotCount`, and the elements stay in slot order, so a row keeps its element for as
 * long as it stays in view: scrolling by a few rows refills only the few elements whose rows
 * left, and nothing is moved in the document. Pure, so it is tested on its own.
 */

export interface SlottedRow<Item> {
  item: Item
  slot: number
}

/**
 * The rows in view placed in their slots, in slot order. `slotCount` must be at least the number
 * of rows, which are consecutive, so no two share a slot.
 */
export function placeInSlots<Item extends { index: number }>(
  items: readonly Item[],
  slotCount: number,
): SlottedRow<Item>[] {
  if (items.length > slotCount) {
    throw new RangeError(`${items.length} rows do not fit in ${slotCount} slots`)
  }
  return items
    .map((item) => ({ item, slot: item.index % slotCount }))
    .sort((a, b) => a.slot - b.slot)
}

/**
 * How many slots to keep: never fewer than before, so a row count that wavers by one at the
 * edges of the list does not reshuffle every element.
 */
export function slotCountFor(rowsInView: number, previous: number): number {
  return Math.max(rowsInView, previous, 1)
}
