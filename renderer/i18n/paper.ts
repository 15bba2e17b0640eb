import { defineStrings } from './define';

/** Words on paper added for the producer: prices and values on the intake receipt. */
export const paperStrings = defineStrings(
  {
    'paper.intake.producerPrice': 'Harga setor',
    'paper.intake.value': 'Nilai',
    'paper.intake.perUnit': '{qty} × {price}',
    'paper.intake.totalValue': 'Nilai barang (harga setor)',
    'paper.intake.noTerms': 'belum ada harga',
  },
  {
    'paper.intake.producerPrice': 'Producer price',
    'paper.intake.value': 'Value',
    'paper.intake.perUnit': '{qty} × {price}',
    'paper.intake.totalValue': "Goods' value (producer price)",
    'paper.intake.noTerms': 'no price yet',
  },
);
